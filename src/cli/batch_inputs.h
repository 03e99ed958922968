// Inputs of `vnlegal batch`: files, folders (recursive), globs and lists of
// names, enumerated lazily so that memory does not grow with the number of
// files.
#pragma once

#include <cstdint>
#include <cstdio>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vnlegal::cli {

struct InputItem {
  uint64_t seq = 0;   // position in input order, from 0
  std::string path;   // as the user gave it (or "archive.zip!member")
  uint64_t size = 0;  // with_sizes: from stat(), for progress; else 0
  // Set for inputs that are not files of their own (archive members): the
  // worker parses these bytes instead of reading `path`.
  std::optional<std::string> bytes;
  // Set when the input cannot be enumerated (no such file, glob without
  // match): the item becomes an error record.
  std::string error;
};

// True for names of zip/tar archives (by extension: .docx is a zip too but
// is a document, not an archive).
bool is_archive_name(const std::string& path);

// Expands one archive into its members. This is the hook for
// vnlegal::read_archive(bytes) (include/vnlegal/io.h): until that reader is
// available it returns nothing and the archive is parsed as a single input.
std::vector<InputItem> expand_archive(const std::string& path);

// Walks the inputs in a deterministic order: arguments in the order given,
// each folder depth-first with entries sorted by name (byte order). Names
// starting with '.' inside folders are skipped; symbolic links to folders
// are not followed (no cycles). "-" reads a list of names from `list_in`
// (standard input), one per line; `from_list` names a file with such a
// list, read after the arguments. `with_sizes` fills InputItem::size (one
// stat() per file).
class InputWalker {
 public:
  InputWalker(std::vector<std::string> args, std::string from_list,
              std::istream* list_in, bool with_sizes = false);
  ~InputWalker();
  // The next input, or false at the end.
  bool next(InputItem& item);
  // Files that are never inputs when met in a folder or a glob (the batch's
  // own output files, when written inside an input folder).
  void exclude(const std::vector<std::string>& paths);

 private:
  struct Frame;
  bool expand(const std::string& name, InputItem& item);
  bool emit(std::string path, uint64_t size, std::string error,
            InputItem& item);
  bool excluded(const std::string& path) const;

  std::vector<std::string> args_;
  size_t arg_index_ = 0;
  std::string from_list_;
  bool from_list_opened_ = false;
  std::istream* list_in_;
  bool with_sizes_;
  std::unique_ptr<std::istream> list_file_;
  std::istream* reading_list_ = nullptr;
  std::vector<Frame> stack_;
  std::vector<std::string> pending_;  // glob matches not yet expanded
  size_t pending_index_ = 0;
  std::vector<InputItem> members_;  // archive members not yet emitted
  size_t member_index_ = 0;
  uint64_t seq_ = 0;
  std::vector<std::string> excluded_;  // file names; compared by identity
};

}  // namespace vnlegal::cli
