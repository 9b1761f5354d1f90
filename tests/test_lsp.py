"""`argmap lsp` end to end: a client (pytest-lsp) starts the server, opens and edits
buffers, and asks for each feature."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from argmap.lexicon import RELATION_MEANINGS, SCHEMES, RelationKind
from conftest import SEEDS

pytestmark = pytest.mark.asyncio

MAP = '''\
document fpri "Russia and Crisis Management on the Korean Peninsula" {
  publisher "Foreign Policy Research Institute"
  source "../seeds/fpri.txt"
}

thesis engage_russia "The United States should engage Russia as a broker."

premise sanctions_fail "Sanctions alone have not made Pyongyang restrain its programs."
  supports engage_russia

evidence sanctions_quote "has proven insufficient in coercing the country to restrain or relinquish its nuclear and missile programs"
  supports sanctions_fail
'''

OTHER = '''\
document eastwest "Can Russia Help Solve the North Korea Crisis?" {
  source "../seeds/eastwest.txt"
}

thesis useful_partner "Russia presents itself as a useful partner."
  # argmap: ignore[unsupported-claim]
'''

COMPARISON = '''\
compare broker "FPRI vs EastWest" {
  use "fpri.arg"
  use "eastwest.arg"
}

fpri.engage_russia agrees eastwest.useful_partner
  "Both cast Moscow as a partner."
'''


@pytest.fixture
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / ".git").mkdir()  # a repository: the project its maps' sources lie in
    shutil.copytree(SEEDS, root / "seeds")
    maps = root / "maps"
    maps.mkdir()
    for name, text in (("fpri.arg", MAP), ("eastwest.arg", OTHER), ("cmp.arg", COMPARISON)):
        (maps / name).write_text(text, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "argmap", "lsp"]))
async def client(lsp_client: LanguageClient, folder: Path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=folder.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="project")]))
    yield
    await lsp_client.shutdown_session()


def uri(folder: Path, name: str) -> str:
    return (folder / "maps" / name).as_uri()


async def open_file(client: LanguageClient, folder: Path, name: str, text: str | None = None,
                    wait: bool = True) -> str:
    address = uri(folder, name)
    if text is None:
        text = (folder / "maps" / name).read_text(encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=address, language_id="argmap", version=1, text=text)))
    if wait:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return address


async def replace_all(client: LanguageClient, address: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=address, version=version),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def at(text: str, needle: str, nth: int = 0, into: int = 1) -> types.Position:
    """The position `into` characters into the nth occurrence of `needle` in `text`."""
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    offset += into
    line = text.count("\n", 0, offset)
    return types.Position(line, offset - (text.rfind("\n", 0, offset) + 1))


def rules(client: LanguageClient, address: str) -> list[str]:
    """The rules of the errors published for the file."""
    return [d.code for d in client.diagnostics.get(address, [])
            if d.severity == types.DiagnosticSeverity.Error]


async def test_diagnostics_follow_the_unsaved_buffer(client: LanguageClient, folder: Path):
    address = await open_file(client, folder, "fpri.arg")
    assert rules(client, address) == []
    typo = MAP.replace("supports engage_russia", "supports engage_rusia")
    await replace_all(client, address, typo, 2)
    [diagnostic] = [d for d in client.diagnostics[address]
                    if d.severity == types.DiagnosticSeverity.Error]
    assert diagnostic.code == "unknown-reference"
    assert "did you mean `engage_russia`?" in diagnostic.message
    assert diagnostic.range == types.Range(at(typo, "engage_rusia", into=0),
                                           at(typo, "engage_rusia", into=12))
    await replace_all(client, address, MAP, 3)
    assert rules(client, address) == []
    # Nothing was written: the file on disk is as it was.
    assert (folder / "maps" / "fpri.arg").read_text(encoding="utf-8") == MAP


async def test_a_comparison_reads_the_maps_it_uses_from_open_buffers(client, folder):
    renamed = MAP.replace("engage_russia", "engage_moscow")
    await open_file(client, folder, "fpri.arg", renamed)
    address = await open_file(client, folder, "cmp.arg")
    assert rules(client, address) == ["unknown-reference"]
    fixed = COMPARISON.replace("fpri.engage_russia", "fpri.engage_moscow")
    await replace_all(client, address, fixed, 2)
    assert rules(client, address) == []


async def test_definition_and_references_across_a_comparison(client, folder):
    address = await open_file(client, folder, "cmp.arg")
    place = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(address), at(COMPARISON, "engage_russia", into=3)))
    assert place.uri == uri(folder, "fpri.arg")
    assert place.range.start == at(MAP, "engage_russia", into=0)
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(address),
        position=at(COMPARISON, "engage_russia", into=3),
        context=types.ReferenceContext(include_declaration=True)))
    assert sorted((place.uri.rsplit("/", 1)[1], place.range.start.line) for place in found) == [
        ("cmp.arg", 5), ("fpri.arg", 5), ("fpri.arg", 8)]
    document = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(address), at(COMPARISON, "eastwest.useful", into=2)))
    assert document.uri == uri(folder, "eastwest.arg") and document.range.start.line == 0


async def test_hover_shows_the_node_and_the_source_sentence_of_a_quote(client, folder):
    address = await open_file(client, folder, "fpri.arg")
    shown = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(address), at(MAP, '"has proven', into=2)))
    assert shown is None
    shown = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(address), at(MAP, "sanctions_quote", into=2)))
    text = shown.contents.value
    assert text.startswith("**evidence** `sanctions_quote`")
    assert "fpri.txt, line 10:" in text
    assert ("> The policy of economic sanctions on North Korea, while important in pressuring "
            "Pyongyang, has proven insufficient in coercing the country to restrain or relinquish "
            "its nuclear and missile programs.") in text
    premise = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(address), at(MAP, "engage_russia", nth=1)))
    assert premise.contents.value.startswith("**thesis** `engage_russia`\n\nThe United States")


async def test_completion_offers_ids_kinds_relations_and_header_keys(client, folder):
    typing = MAP + "\npremise more \"More.\"\n  supports \n"
    address = await open_file(client, folder, "fpri.arg", typing)

    async def labels(position):
        result = await client.text_document_completion_async(types.CompletionParams(
            types.TextDocumentIdentifier(address), position))
        return {item.label for item in result.items}

    lines = typing.split("\n")
    after_supports = types.Position(len(lines) - 2, len("  supports "))
    assert {"engage_russia", "sanctions_fail", "sanctions_quote"} <= await labels(after_supports)
    in_header = at(typing, "  source", into=0)
    assert {"author", "date", "url", "skip-lines"} == await labels(in_header)
    statement_start = types.Position(MAP.count("\n"), 0)  # the blank line after the map
    assert {"thesis", "premise", "evidence", "supports", "undercuts"} <= \
        await labels(statement_start)
    comparison = await open_file(client, folder, "cmp.arg")
    result = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(comparison), at(COMPARISON, "fpri.engage", into=5)))
    assert "engage_russia" in {item.label for item in result.items}


async def test_rename_changes_the_id_in_every_file_that_names_it(client, folder):
    address = await open_file(client, folder, "fpri.arg")
    where = at(MAP, "engage_russia", nth=1)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        types.TextDocumentIdentifier(address), where))
    assert prepared == types.Range(at(MAP, "engage_russia", nth=1, into=0),
                                   at(MAP, "engage_russia", nth=1, into=13))
    edit = await client.text_document_rename_async(types.RenameParams(
        types.TextDocumentIdentifier(address), where, "engage_moscow"))
    changes = {name.rsplit("/", 1)[1]: sorted(e.range.start.line for e in edits)
               for name, edits in edit.changes.items()}
    assert changes == {"fpri.arg": [5, 8], "cmp.arg": [5]}
    assert all(e.new_text == "engage_moscow" for edits in edit.changes.values() for e in edits)


async def test_rename_refuses_a_keyword(client, folder):
    address = await open_file(client, folder, "fpri.arg")
    with pytest.raises(Exception, match="cannot be an id"):
        await client.text_document_rename_async(types.RenameParams(
            types.TextDocumentIdentifier(address), at(MAP, "engage_russia"), "thesis"))


async def test_document_symbols_outline_the_map(client, folder):
    address = await open_file(client, folder, "fpri.arg")
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(address)))
    assert [(s.name, s.detail) for s in symbols] == [
        ("fpri", "document"), ("engage_russia", "thesis"), ("sanctions_fail", "premise"),
        ("sanctions_quote", "evidence")]
    assert symbols[2].range.end == at(MAP, "engage_russia\n\nevidence", into=13)
    comparison = await open_file(client, folder, "cmp.arg")
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(comparison)))
    assert [s.name for s in symbols] == [
        "broker", "fpri.engage_russia agrees eastwest.useful_partner"]


async def fixes(client: LanguageClient, address: str) -> list[types.CodeAction]:
    diagnostics = client.diagnostics[address]
    return await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(address), diagnostics[0].range,
        types.CodeActionContext(diagnostics=diagnostics)))


async def test_quick_fixes_for_did_you_mean_and_a_quote_not_found(client, folder):
    broken = (MAP.replace("supports engage_russia", "supports engage_rusia")
              .replace("or relinquish its", "or abandon its")
              .replace("  publisher", "  publsher"))
    address = await open_file(client, folder, "fpri.arg", broken)
    assert sorted(rules(client, address)) == ["invalid-header", "quote-not-found",
                                             "unknown-reference"]
    actions = await fixes(client, address)
    edits = {action.title: action.edit.changes[address][0] for action in actions}
    assert edits["Change to `engage_russia`"].new_text == "engage_russia"
    assert edits["Change to `engage_russia`"].range.start == at(broken, "engage_rusia", into=0)
    assert edits["Change to `publisher`"].range.start == at(broken, "publsher", into=0)
    quote = edits["Quote the closest passage of the source"]
    assert quote.new_text.startswith('"has proven insufficient')
    assert "relinquish" in quote.new_text
    assert quote.range.start == at(broken, '"has proven', into=0)
    # Applied, each fix clears its finding.
    fixed = broken
    for edit in sorted(edits.values(), key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        lines = fixed.split("\n")
        line = lines[edit.range.start.line]
        lines[edit.range.start.line] = (line[:edit.range.start.character] + edit.new_text
                                        + line[edit.range.end.character:])
        fixed = "\n".join(lines)
    await replace_all(client, address, fixed, 2)
    assert rules(client, address) == []


async def test_a_syntax_error_is_a_diagnostic_with_its_fix(client, folder):
    broken = MAP.replace("  supports sanctions_fail", "  support sanctions_fail")
    address = await open_file(client, folder, "fpri.arg", broken)
    [diagnostic] = client.diagnostics[address]
    assert diagnostic.code == "syntax-error"
    assert "did you mean `supports`?" in diagnostic.message
    [action] = await fixes(client, address)
    assert action.edit.changes[address][0].new_text == "supports"


async def test_a_document_id_renames_and_hovers_across_files(client, folder):
    address = await open_file(client, folder, "cmp.arg")
    where = at(COMPARISON, "fpri.engage", into=1)
    shown = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(address), where))
    assert shown.contents.value.startswith(
        "**document** `fpri`: Russia and Crisis Management on the Korean Peninsula")
    edit = await client.text_document_rename_async(types.RenameParams(
        types.TextDocumentIdentifier(address), where, "fpri2017"))
    changes = {name.rsplit("/", 1)[1]: [(e.range.start.line, e.range.start.character)
                                        for e in edits]
               for name, edits in edit.changes.items()}
    assert changes == {"fpri.arg": [(0, 9)], "cmp.arg": [(5, 0)]}


async def test_completion_offers_the_schemes_after_by_and_hover_explains_them(client, folder):
    typing = MAP + "\npremise more \"More.\"\n  supports engage_russia by \n"
    address = await open_file(client, folder, "fpri.arg", typing)
    lines = typing.split("\n")
    result = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(address),
        types.Position(len(lines) - 2, len("  supports engage_russia by "))))
    assert [item.label for item in result.items] == list(SCHEMES)
    assert result.items[0].detail == SCHEMES["practical-reasoning"].summary
    written = MAP + "\npremise more \"More.\"\n  explains engage_russia by practical-reasoning\n"
    await replace_all(client, address, written, 2)
    scheme = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(address), at(written, "practical-reasoning", into=3)))
    assert scheme.contents.value.startswith("**practical-reasoning**: means and end")
    assert "- `#alternatives`: Would other means reach the goal" in scheme.contents.value
    relation = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(address), at(written, "explains", into=2)))
    assert relation.contents.value == f"**explains**: {RELATION_MEANINGS[RelationKind.EXPLAINS]}"
