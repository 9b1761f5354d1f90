"""`argmap lsp` end to end: a client (pytest-lsp) starts the server, opens and edits
buffers, and asks for each feature."""

from __future__ import annotations

import asyncio
import os
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
    assert {"thesis", "premise", "evidence", "supports", "undercuts", "topic"} <= \
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
    assert [(s.name, s.kind, s.detail) for s in symbols] == [
        ("document fpri", types.SymbolKind.Module, None),
        ("thesis engage_russia", types.SymbolKind.Class, None),
        ("premise sanctions_fail", types.SymbolKind.Field, None),
        ("evidence sanctions_quote", types.SymbolKind.String, None)]
    assert symbols[2].selection_range == types.Range(
        at(MAP, "sanctions_fail", into=0), at(MAP, "sanctions_fail", into=len("sanctions_fail")))
    assert symbols[2].range.end == at(MAP, "engage_russia\n\nevidence", into=13)
    comparison = await open_file(client, folder, "cmp.arg")
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(comparison)))
    assert [s.name for s in symbols] == [
        "compare broker", "fpri.engage_russia agrees eastwest.useful_partner"]


async def test_the_outline_shows_topics_in_their_place(client, folder):
    text = MAP.replace("\npremise sanctions_fail", '\ntopic "Sanctions"\npremise sanctions_fail')
    address = await open_file(client, folder, "fpri.arg", text)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(address)))
    assert [s.name for s in symbols] == [
        "document fpri", "thesis engage_russia", 'topic "Sanctions"', "premise sanctions_fail",
        "evidence sanctions_quote"]
    # The thesis ends where it ends, not at the topic after it.
    assert symbols[1].range.end.line < symbols[2].range.start.line
    comparison = await open_file(client, folder, "cmp.arg", COMPARISON.replace(
        "\nfpri.engage_russia", '\ntopic "Ends"\nfpri.engage_russia'))
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(comparison)))
    assert [s.name for s in symbols] == [
        "compare broker", 'topic "Ends"', "fpri.engage_russia agrees eastwest.useful_partner"]


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


# --- Positions in each encoding the client may offer --------------------------------------

WIDE = '''\
document d "D" {}

thesis main "Wide: 😀𝑥 and é before the ids."
premise p "y 😀" supports mian
'''


def units(text: str, encoding: str) -> int:
    """How many code units of the encoding `text` takes (the test's own count)."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def place(text: str, needle: str, encoding: str, into: int = 0) -> types.Position:
    offset = text.index(needle) + into
    line_start = text.rfind("\n", 0, offset) + 1
    return types.Position(text.count("\n", 0, offset), units(text[line_start:offset], encoding))


def applied(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    """`text` with the edits applied, positions read in `encoding`."""
    def offset(position: types.Position) -> int:
        start = sum(len(line) + 1 for line in text.split("\n")[:position.line])
        line = text.split("\n")[position.line]
        counted = 0
        for index, character in enumerate(line):
            if counted >= position.character:
                return start + index
            counted += units(character, encoding)
        return start + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


@pytest.fixture(params=["utf-8", "utf-16", "utf-32"])
def encoding(request) -> str:
    return request.param


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "argmap", "lsp"]))
async def encoded(lsp_client: LanguageClient, folder: Path, encoding: str):
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(general=types.GeneralClientCapabilities(
            position_encodings=[encoding])),
        root_uri=folder.as_uri()))
    assert result.capabilities.position_encoding == encoding
    yield
    await lsp_client.shutdown_session()


async def test_positions_in_the_encoding_agreed(encoded: LanguageClient, folder: Path,
                                                encoding: str):
    address = await open_file(encoded, folder, "wide.arg", WIDE)
    [diagnostic] = [d for d in encoded.diagnostics[address] if d.code == "unknown-reference"]
    assert diagnostic.range == types.Range(place(WIDE, "mian", encoding),
                                           place(WIDE, "mian", encoding, into=4))
    # The quick fix replaces the id, not a piece of the line.
    [action] = await encoded.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(address), diagnostic.range,
        types.CodeActionContext(diagnostics=[diagnostic])))
    assert applied(WIDE, action.edit.changes[address], encoding) == \
        WIDE.replace("supports mian", "supports main")
    # Hover and definition find the id after wide characters on its line.
    shown = await encoded.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(address), place(WIDE, "p \"y", encoding)))
    assert shown.contents.value.startswith("**premise** `p`")
    fixed = WIDE.replace("mian", "main")
    await replace_all(encoded, address, fixed, 2)
    target = await encoded.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(address), place(fixed, "main\n", encoding, into=2)))
    assert target.range.start == place(fixed, "main", encoding)
    # A rename keeps the rest of each line.
    edit = await encoded.text_document_rename_async(types.RenameParams(
        types.TextDocumentIdentifier(address), place(fixed, "main\n", encoding), "central"))
    assert applied(fixed, edit.changes[address], encoding) == fixed.replace("main", "central")


async def test_a_client_that_offers_no_encoding_gets_utf16(client: LanguageClient, folder):
    address = await open_file(client, folder, "wide.arg", WIDE)
    [diagnostic] = [d for d in client.diagnostics[address] if d.code == "unknown-reference"]
    assert diagnostic.range.start == place(WIDE, "mian", "utf-16")


# --- Robustness: no request left unanswered, no internal error -----------------------------

async def test_a_lone_surrogate_is_a_finding_and_hover_still_answers(client, folder):
    text = MAP.replace("The United States", "The \ud83d United States")
    address = await open_file(client, folder, "fpri.arg", text)
    [diagnostic] = client.diagnostics[address]
    assert diagnostic.code == "syntax-error" and "UTF-8" in diagnostic.message
    shown = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(address), at(text, "sanctions_fail", into=2)))
    assert shown is None or "sanctions_fail" in shown.contents.value
    outline = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(address)))
    assert [s.name for s in outline][:2] == ["document fpri", "thesis engage_russia"]


async def test_a_request_whose_parameters_do_not_fit_is_answered(client, folder):
    from pygls.exceptions import JsonRpcException

    for number, params in enumerate(({"textDocument": 5}, {
            "textDocument": {"uri": "file:///x.arg"}, "position": {"line": -1, "character": "a"}})):
        # Sent as raw JSON: the client's own types would refuse to write such a request.
        answer = asyncio.get_running_loop().create_future()
        client.protocol._request_futures[f"bad-{number}"] = answer
        client.protocol._send_data({"jsonrpc": "2.0", "id": f"bad-{number}",
                                    "method": types.TEXT_DOCUMENT_HOVER, "params": params})
        with pytest.raises(JsonRpcException) as raised:
            await asyncio.wait_for(answer, 10)
        assert raised.value.code == types.ErrorCodes.InvalidParams
    # And the server goes on.
    address = await open_file(client, folder, "fpri.arg")
    assert rules(client, address) == []


async def test_requests_about_files_never_opened(client, folder):
    """A named pipe is never opened (it would wait for a writer for ever); a file on disk
    is read; a file that is not there is no error."""
    pipe = folder / "maps" / "pipe.arg"
    os.mkfifo(pipe)
    for name in ("pipe.arg", "fpri.arg", "gone.arg", "."):
        document = types.TextDocumentIdentifier((folder / "maps" / name).as_uri())
        position = at(MAP, "engage_russia", nth=1)
        shown = await asyncio.wait_for(client.text_document_hover_async(
            types.HoverParams(document, position)), 10)
        assert (shown is not None) == (name == "fpri.arg")
        await asyncio.wait_for(client.text_document_definition_async(
            types.DefinitionParams(document, position)), 10)
        await asyncio.wait_for(client.text_document_document_symbol_async(
            types.DocumentSymbolParams(document)), 10)
        await asyncio.wait_for(client.text_document_references_async(types.ReferenceParams(
            text_document=document, position=position,
            context=types.ReferenceContext(include_declaration=True))), 10)
    found = await asyncio.wait_for(client.workspace_symbol_async(
        types.WorkspaceSymbolParams(query="engage")), 10)
    assert [s.name for s in found] == ["engage_russia"]
    assert not [m for m in client.log_messages if m.type == types.MessageType.Error]


async def test_rename_refuses_a_taken_id_and_a_bad_name_in_words(client, folder):
    from pygls.exceptions import JsonRpcException

    address = await open_file(client, folder, "fpri.arg")
    where = at(MAP, "engage_russia", nth=1)
    for new_name, words in (("sanctions_fail", "already the id of a node of this map (line 8)"),
                            ("9lives", "cannot be an id"), ("thesis", "cannot be an id")):
        with pytest.raises(JsonRpcException) as raised:
            await client.text_document_rename_async(types.RenameParams(
                types.TextDocumentIdentifier(address), where, new_name))
        assert raised.value.code == types.LSPErrorCodes.RequestFailed
        assert words in raised.value.message
    comparison = await open_file(client, folder, "cmp.arg")
    with pytest.raises(JsonRpcException, match="already the id of the document"):
        await client.text_document_rename_async(types.RenameParams(
            types.TextDocumentIdentifier(comparison), at(COMPARISON, "fpri.engage", into=1),
            "eastwest"))


async def test_a_comparison_opening_with_a_comment_is_checked_again_when_its_map_changes(
        client, folder):
    commented = "# Where the two agree.\n\n" + COMPARISON
    comparison = await open_file(client, folder, "cmp.arg", commented)
    assert rules(client, comparison) == []
    address = await open_file(client, folder, "fpri.arg")
    # The map changes, the comparison does not: its diagnostics follow the map's buffer.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=address, version=2),
        [types.TextDocumentContentChangeWholeDocument(
            text=MAP.replace("engage_russia", "engage_moscow"))]))
    for _ in range(200):  # both are published at once: wait for the comparison's
        if rules(client, comparison):
            break
        await asyncio.sleep(0.05)
    assert rules(client, comparison) == ["unknown-reference"]


async def test_the_quote_fix_inserts_the_whole_passage(client, folder):
    broken = MAP.replace("has proven insufficient in coercing the country to restrain or "
                         "relinquish its nuclear and missile programs",
                         "has proven insufficient in coercing the country to restrain or "
                         "abandon its nuclear")
    address = await open_file(client, folder, "fpri.arg", broken)
    [diagnostic] = client.diagnostics[address]
    assert diagnostic.message.endswith("...'")  # the message shortens the passage
    [action] = await fixes(client, address)
    passage = action.edit.changes[address][0].new_text
    assert passage == ('"has proven insufficient in coercing the country to restrain or '
                       'relinquish its nuclear"')
    lines = broken.split("\n")
    edit = action.edit.changes[address][0]
    line = lines[edit.range.start.line]
    lines[edit.range.start.line] = (line[:edit.range.start.character] + edit.new_text
                                    + line[edit.range.end.character:])
    await replace_all(client, address, "\n".join(lines), 2)
    assert rules(client, address) == []


# --- Formatting, semantic tokens, folding, workspace symbols --------------------------------

LOOSE = '''\
document fpri "Russia and Crisis Management on the Korean Peninsula" {   publisher "Foreign Policy Research Institute"
  source   "../seeds/fpri.txt" }
thesis   engage_russia "The United States should engage Russia as a broker."
premise sanctions_fail "Sanctions alone have not made Pyongyang restrain its programs." supports   engage_russia
'''


async def test_formatting_lays_the_buffer_out_as_fmt_does(client, folder):
    from argmap.fmt import format_text

    address = await open_file(client, folder, "fpri.arg", LOOSE)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        types.TextDocumentIdentifier(address), types.FormattingOptions(2, True)))
    assert applied(LOOSE, edits, "utf-16") == format_text(LOOSE)
    # Only the statements on the lines of the range: the premise is laid out, the header
    # above it stays as it is.
    edits = await client.text_document_range_formatting_async(
        types.DocumentRangeFormattingParams(
            types.TextDocumentIdentifier(address),
            types.Range(types.Position(3, 0), types.Position(3, 5)),
            types.FormattingOptions(2, True)))
    assert applied(LOOSE, edits, "utf-16") == LOOSE.replace(
        '" supports   engage_russia', '"\n  supports engage_russia')
    # A file that does not parse is left alone.
    await replace_all(client, address, LOOSE + "thesis", 2)
    assert not await client.text_document_formatting_async(types.DocumentFormattingParams(
        types.TextDocumentIdentifier(address), types.FormattingOptions(2, True)))


async def test_semantic_tokens_colour_ids_by_role(client, folder):
    text = MAP + "# a comment\n"
    address = await open_file(client, folder, "fpri.arg", text)
    legend = client.capabilities and None  # the legend is the server's
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(types.TextDocumentIdentifier(address)))
    from argmap.lsp.features import SEMANTIC_TOKENS

    types_ = SEMANTIC_TOKENS.token_types
    found, line, character = {}, 0, 0
    data = result.data
    for i in range(0, len(data), 5):
        line += data[i]
        character = data[i + 1] + (character if data[i] == 0 else 0)
        word = text.split("\n")[line][character:character + data[i + 2]]
        found.setdefault(word, (types_[data[i + 3]], data[i + 4]))
    assert legend is None
    assert found["document"] == ("keyword", 0)
    assert found["fpri"] == ("namespace", 1)
    assert found["publisher"] == ("property", 0)
    assert found["engage_russia"] == ("variable", 1)  # its definition comes first
    assert found["supports"] == ("keyword", 0)
    assert found['"Foreign Policy Research Institute"'] == ("string", 0)
    assert found["# a comment"] == ("comment", 0)


async def test_folding_ranges_fold_headers_nodes_and_comment_blocks(client, folder):
    text = "# one\n# two\n" + MAP
    address = await open_file(client, folder, "fpri.arg", text)
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(
        types.TextDocumentIdentifier(address)))
    assert [(f.start_line, f.end_line, f.kind) for f in folds] == [
        (0, 1, types.FoldingRangeKind.Comment), (2, 5, types.FoldingRangeKind.Region),
        (9, 10, types.FoldingRangeKind.Region), (12, 13, types.FoldingRangeKind.Region)]


async def test_workspace_symbols_find_ids_in_every_file(client, folder):
    await open_file(client, folder, "fpri.arg")
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="sqt"))
    assert [(s.name, s.container_name, s.location.uri) for s in found] == [
        ("sanctions_quote", "fpri", uri(folder, "fpri.arg"))]
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="EAST"))
    assert {s.name for s in found} == {"eastwest"}


async def test_a_buffer_with_crlf_line_ends(client, folder):
    typo = MAP.replace("supports engage_russia", "supports engage_rusia").replace("\n", "\r\n")
    address = await open_file(client, folder, "fpri.arg", typo)
    [diagnostic] = [d for d in client.diagnostics[address] if d.code == "unknown-reference"]
    plain = typo.replace("\r\n", "\n")
    assert diagnostic.range.start == at(plain, "engage_rusia", into=0)
    loose = LOOSE.replace("\n", "\r\n")
    await replace_all(client, address, loose, 2)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        types.TextDocumentIdentifier(address), types.FormattingOptions(2, True)))
    assert all("\n" not in e.new_text.replace("\r\n", "") for e in edits)


async def test_code_actions_ignore_data_they_did_not_write(client, folder):
    address = await open_file(client, folder, "fpri.arg")
    strange = [types.Diagnostic(types.Range(types.Position(0, 0), types.Position(0, 1)), "x",
                                data=data)
               for data in (None, 5, "text", {"text": "a"}, {"range": 3, "text": "a"},
                            {"range": {"start": {"line": 0}}, "text": "a", "title": "t"})]
    assert not await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(address), strange[0].range,
        types.CodeActionContext(diagnostics=strange)))


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
