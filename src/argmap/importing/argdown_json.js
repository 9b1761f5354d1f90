// Reads Argdown text on standard input as `argdown json` does (the Argdown CLI's own
// parser and model builder, @argdown/node, found beside the CLI named as the first
// argument) and writes {"errors": [...], "json": <what `argdown json` writes>}.
"use strict";
const path = require("path");
const cli = process.argv[2];
const node = require(require.resolve("@argdown/node", { paths: [path.dirname(cli)] }));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const response = await node.argdown.runAsync({
    input,
    logLevel: "error",
    process: ["parse-input", "build-model", "export-json"],
    json: { spaces: 0, exportMap: false, removeEmbeddedRelations: false },
  });
  const errors = [...(response.lexerErrors || []), ...(response.parserErrors || [])].map(
    (error) => {
      const token = error.token || error;
      return { message: error.message, line: token.startLine || error.line || 0,
               column: token.startColumn || error.column || 0 };
    });
  process.stdout.write(JSON.stringify({ errors, json: response.json ? JSON.parse(response.json) : null }));
});
