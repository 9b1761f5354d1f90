// The VS Code side of argmap: starts `argmap lsp` (the command in the setting
// `argmap.server.command`) for .arg files; highlighting comes from the TextMate grammar.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace
    .getConfiguration("argmap")
    .get("server.command", ["argmap", "lsp"]);
  client = new LanguageClient(
    "argmap",
    "argmap",
    { command, args },
    { documentSelector: [{ scheme: "file", language: "argmap" }] },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
