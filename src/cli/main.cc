// The vnlegal command-line tool.
//   vnlegal parse FILE|- [--format json|xml|akn|outline] [-o OUT]
//   vnlegal normalize FILE|-
//   vnlegal detect FILE|-
// Exit status: 0 success, 1 some inputs failed, 2 usage error.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "vnlegal/vnlegal.h"

namespace vnlegal::cli {

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::string data((std::istreambuf_iterator<char>(std::cin)),
                     std::istreambuf_iterator<char>());
    return data;
  }
  return read_file(path);
}

void write_output(const std::string& path, const std::string& data) {
  if (path.empty() || path == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    std::fflush(stdout);
    return;
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) throw Error("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    throw Error("cannot write " + path);
}

}  // namespace vnlegal::cli

int main(int argc, char** argv) {
  using namespace vnlegal;
  keep_freed_memory();  // a batch parses thousands of documents in a row
  CLI::App app{"vnlegal: Vietnamese legal documents to a typed model"};
  app.require_subcommand(1);
  app.set_version_flag("--version", vnlegal::version());

  std::string input, output, format = "json", encoding, tone = "keep",
                             quotes = "keep";
  auto add_normalize_options = [&](CLI::App* cmd) {
    cmd->add_option("--from", encoding,
                    "input encoding (utf-8, utf-16, tcvn3, vni, viscii, vps, "
                    "cp1258, viqr); detected when absent");
    cmd->add_option("--tone", tone,
                    "tone-mark style: keep, old (hòa), new (hoà)")
        ->check(CLI::IsMember({"keep", "old", "new"}));
    cmd->add_option("--quotes", quotes, "curly quotes: keep or fold")
        ->check(CLI::IsMember({"keep", "fold"}));
  };

  CLI::App* parse_cmd = app.add_subcommand("parse", "parse one document");
  parse_cmd->add_option("input", input, "file, or - for standard input")
      ->required();
  parse_cmd
      ->add_option("--format", format, "json, xml, akn, html, outline or refs")
      ->check(CLI::IsMember({"json", "xml", "akn", "html", "outline", "refs"}));
  parse_cmd->add_option("-o,--output", output, "output file (default stdout)");
  // The normalized text is part of the JSON by default: spans index into
  // it, and a consumer should not need a second command to resolve them.
  bool with_text = true;
  parse_cmd->add_flag("--text,!--no-text", with_text,
                      "include the normalized text in JSON as \"text\" "
                      "(default; --no-text leaves it out)");
  add_normalize_options(parse_cmd);

  CLI::App* norm_cmd =
      app.add_subcommand("normalize", "print the normalized text");
  norm_cmd->add_option("input", input, "file, or - for standard input")
      ->required();
  norm_cmd->add_option("-o,--output", output, "output file (default stdout)");
  add_normalize_options(norm_cmd);

  CLI::App* detect_cmd = app.add_subcommand("detect", "detect the encoding");
  detect_cmd->add_option("input", input, "file, or - for standard input")
      ->required();

  cli::BatchArgs batch;
  CLI::App* batch_cmd = cli::add_batch_command(app, batch);
  cli::GraphArgs graph;
  CLI::App* graph_cmd = cli::add_graph_command(app, graph);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  Options options;
  options.encoding = encoding;
  if (!encoding.empty() && encoding_from_name(encoding) == Encoding::kUnknown) {
    std::cerr << "vnlegal: unknown encoding '" << encoding << "'\n";
    return 2;
  }
  options.normalize.tone = tone == "old"   ? ToneStyle::kOld
                           : tone == "new" ? ToneStyle::kNew
                                           : ToneStyle::kKeep;
  options.normalize.quotes =
      quotes == "fold" ? QuoteStyle::kFold : QuoteStyle::kKeep;
  try {
    if (*batch_cmd) return cli::run_batch(batch, options);
    if (*graph_cmd) return cli::run_graph(graph);
    const std::string bytes = cli::read_input(input);
    const std::string path = input == "-" ? "" : input;
    if (*detect_cmd) {
      Detection d = detect_encoding(bytes);
      cli::write_output("", std::string(to_string(d.encoding)) + "\t" +
                                std::to_string(d.confidence) + "\t" +
                                d.evidence + "\n");
      return 0;
    }
    if (*norm_cmd) {
      ReadResult read = read_document(bytes, path, options);
      Normalized norm = normalize(read.text, options.normalize);
      for (const Diagnostic& d : read.diagnostics)
        if (d.severity == Severity::kError)
          std::cerr << "vnlegal: " << input << ": " << d.message << "\n";
      cli::write_output(output, norm.text);
      return 0;
    }
    Document doc = parse(bytes, options, path);
    std::string out;
    if (format == "json")
      out = to_json(doc, with_text);
    else if (format == "xml")
      out = to_xml(doc);
    else if (format == "akn")
      out = to_akn(doc);
    else if (format == "html")
      out = to_html(doc);
    else if (format == "refs")
      out = cli::references_tsv(doc);
    else
      out = to_outline(doc);
    cli::write_output(output, out);
    return 0;
  } catch (const Error& e) {
    std::cerr << "vnlegal: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "vnlegal: internal error: " << e.what() << "\n";
    return 1;
  }
}
