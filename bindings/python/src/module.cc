// _vnlegal: the thin C++ layer under the `vnlegal` Python package.
//
// It parses with the GIL released, keeps the C++ Document alive behind a
// handle, and turns the model into plain Python values (tuples, str, int)
// that vnlegal/__init__.py wraps in typed classes. Spans cross the boundary
// as str indices (code points), because C++ spans are UTF-8 byte offsets and
// Python slices count code points.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "vnlegal/vnlegal.h"

namespace py = pybind11;

namespace vnlegal::python {
namespace {

// Byte offsets to code point indices: one running count per block of
// kBlock bytes, the rest counted on demand, so conversion is O(kBlock) with
// a table of size/kBlock entries instead of one entry per byte.
constexpr uint32_t kBlock = 64;

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

class CharIndex {
 public:
  explicit CharIndex(const std::string& text) : text_(&text) {
    blocks_.resize(text.size() / kBlock + 1);
    const char* p = text.data();
    uint32_t count = 0;
    size_t block = 0;
    // Whole blocks in a fixed-length loop the compiler vectorizes.
    for (; (block + 1) * kBlock <= text.size(); ++block) {
      blocks_[block] = count;
      uint32_t starts = 0;
      for (uint32_t i = 0; i < kBlock; ++i)
        starts += !is_continuation(p[block * kBlock + i]);
      count += starts;
    }
    blocks_[block] = count;
    for (size_t i = block * kBlock; i < text.size(); ++i)
      count += !is_continuation(p[i]);
    total_ = count;
  }

  // The number of code points before byte `byte` (clamped to the text).
  uint32_t chars_before(uint32_t byte) const {
    const std::string& text = *text_;
    if (byte >= text.size()) return total_;
    uint32_t count = blocks_[byte / kBlock];
    for (uint32_t i = byte - byte % kBlock; i < byte; ++i)
      if (!is_continuation(text[i])) ++count;
    return count;
  }

  // The byte offset of code point `index` (clamped to the text).
  uint32_t byte_of(uint32_t index) const {
    const std::string& text = *text_;
    if (index >= total_) return static_cast<uint32_t>(text.size());
    // The last block starting at or before `index` code points.
    auto it = std::upper_bound(blocks_.begin(), blocks_.end(), index);
    size_t block = static_cast<size_t>(it - blocks_.begin()) - 1;
    uint32_t count = blocks_[block];
    size_t i = block * kBlock;
    while (i < text.size()) {
      if (!is_continuation(text[i])) {
        if (count == index) break;
        ++count;
      }
      ++i;
    }
    return static_cast<uint32_t>(i);
  }

  uint32_t total() const { return total_; }

 private:
  const std::string* text_;
  std::vector<uint32_t> blocks_;
  uint32_t total_ = 0;
};

// A parsed document and its offset converter. Immutable once built, so
// Python objects may share it freely.
struct Handle {
  explicit Handle(Document d) : doc(std::move(d)) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  const Document doc;

  // Built on first use: exporting to JSON or XML needs no conversion. Only
  // called with the GIL held, which serializes the lazy initialization.
  const CharIndex& index() const {
    if (!index_) index_ = std::make_unique<CharIndex>(doc.text);
    return *index_;
  }

  py::tuple span(Span s) const {
    const CharIndex& i = index();
    return py::make_tuple(i.chars_before(s.begin), i.chars_before(s.end));
  }

 private:
  mutable std::unique_ptr<CharIndex> index_;
};

using HandlePtr = std::shared_ptr<Handle>;

// Text from the model is valid UTF-8 (decoding replaces bad bytes), but a
// stray byte must never turn into an exception here either.
py::str utf8(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(
      s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}
py::object str_or_none(const std::string& s) {
  if (s.empty()) return py::none();
  return utf8(s);
}
py::object opt(const std::optional<std::string>& s) {
  if (!s) return py::none();
  return utf8(*s);
}
py::object index_or_none(int32_t i) {
  if (i < 0) return py::none();
  return py::int_(i);
}

// Node: (kind, num, heading, start, end, parent, children, id)
py::list nodes_of(const Handle& h) {
  py::list out(h.doc.nodes.size());
  for (size_t i = 0; i < h.doc.nodes.size(); ++i) {
    const Node& n = h.doc.nodes[i];
    py::tuple children(n.children.size());
    for (size_t c = 0; c < n.children.size(); ++c)
      children[c] = py::int_(n.children[c]);
    py::tuple span = h.span(n.span);
    out[i] = py::make_tuple(to_string(n.kind), str_or_none(n.num),
                            str_or_none(n.heading), span[0], span[1],
                            index_or_none(n.parent), std::move(children),
                            str_or_none(n.eid));
  }
  return out;
}

py::object pinpoint_of(const Pinpoint& p) {
  if (p.empty()) return py::none();
  return py::make_tuple(str_or_none(p.part), str_or_none(p.chapter),
                        str_or_none(p.section), str_or_none(p.article),
                        str_or_none(p.clause), str_or_none(p.point));
}

// The order matches vnlegal.Reference's fields.
py::list references_of(const Handle& h) {
  py::list out(h.doc.references.size());
  for (size_t i = 0; i < h.doc.references.size(); ++i) {
    const Reference& r = h.doc.references[i];
    py::tuple span = h.span(r.span);
    py::object year = r.year ? py::object(py::int_(*r.year)) : py::none();
    out[i] = py::make_tuple(
        to_string(r.kind), str_or_none(r.doc_type), str_or_none(r.type_code),
        str_or_none(r.number), str_or_none(r.name), std::move(year),
        str_or_none(r.date), str_or_none(r.issuer), str_or_none(r.issuer_code),
        str_or_none(r.title), to_string(r.role), pinpoint_of(r.pinpoint),
        r.editorial, utf8(r.text), span[0], span[1], index_or_none(r.node),
        index_or_none(r.target_node), index_or_none(r.antecedent));
  }
  return out;
}

// The order matches vnlegal.Quantity's fields.
py::list quantities_of(const Handle& h) {
  py::list out(h.doc.quantities.size());
  for (size_t i = 0; i < h.doc.quantities.size(); ++i) {
    const Quantity& q = h.doc.quantities[i];
    py::tuple span = h.span(q.span);
    py::object value_max =
        q.value_max ? py::object(py::float_(*q.value_max)) : py::none();
    py::object comparator = q.comparator == Comparator::kNone
                                ? py::object(py::none())
                                : py::object(py::str(to_string(q.comparator)));
    out[i] = py::make_tuple(to_string(q.kind), q.value, std::move(value_max),
                            str_or_none(q.unit), std::move(comparator),
                            str_or_none(q.indicator), str_or_none(q.base),
                            str_or_none(q.deadline), utf8(q.text), span[0],
                            span[1], index_or_none(q.node));
  }
  return out;
}

py::list diagnostics_of(const Diagnostics& diagnostics, const Handle* h) {
  py::list out(diagnostics.size());
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    py::object start = py::int_(0), end = py::int_(0);
    if (h) {
      py::tuple span = h->span(d.span);
      start = span[0];
      end = span[1];
    }
    out[i] = py::make_tuple(utf8(d.code), to_string(d.severity),
                            utf8(d.message), start, end);
  }
  return out;
}

py::tuple metadata_of(const Handle& h) {
  const Metadata& m = h.doc.metadata;
  py::object signer = py::none();
  if (m.signer)
    signer = py::make_tuple(opt(m.signer->name), opt(m.signer->title),
                            opt(m.signer->authority));
  return py::make_tuple(opt(m.number), opt(m.type), opt(m.type_code),
                        opt(m.issuer), opt(m.issuer_code), opt(m.place),
                        opt(m.date), opt(m.title), opt(m.term), opt(m.session),
                        std::move(signer));
}

// Exporters only read the immutable Document, so other threads may run.
template <typename Export>
py::str export_without_gil(Export&& write) {
  std::string out;
  {
    py::gil_scoped_release release;
    out = write();
  }
  return utf8(out);
}

ToneStyle tone_from(const std::string& name) {
  if (name == "keep") return ToneStyle::kKeep;
  if (name == "old") return ToneStyle::kOld;
  if (name == "new") return ToneStyle::kNew;
  throw Error("tone must be 'keep', 'old' or 'new', not '" + name + "'");
}

QuoteStyle quotes_from(const std::string& name) {
  if (name == "keep") return QuoteStyle::kKeep;
  if (name == "fold") return QuoteStyle::kFold;
  throw Error("quotes must be 'keep' or 'fold', not '" + name + "'");
}

// Bad options are misuse, hence vnlegal::Error (vnlegal.Error in Python).
Options make_options(const std::string& encoding, const std::string& tone,
                     const std::string& quotes, bool join_wrapped_lines,
                     bool strip_markup, bool extract_references,
                     bool extract_quantities, uint64_t max_input_bytes,
                     int max_depth) {
  Options o;
  if (!encoding.empty() && encoding_from_name(encoding) == Encoding::kUnknown)
    throw Error("unknown encoding '" + encoding + "'");
  if (max_depth < 1) throw Error("max_depth must be at least 1");
  o.encoding = encoding;
  o.normalize.tone = tone_from(tone);
  o.normalize.quotes = quotes_from(quotes);
  o.normalize.join_wrapped_lines = join_wrapped_lines;
  o.normalize.strip_markup = strip_markup;
  o.extract_references = extract_references;
  o.extract_quantities = extract_quantities;
  o.max_input_bytes = max_input_bytes;
  o.max_depth = max_depth;
  return o;
}

HandlePtr parse_buffer(const py::buffer& data, const Options& options,
                       const std::string& path_hint) {
  py::buffer_info info = data.request();
  if (info.ndim > 1 ||
      (info.ndim == 1 && (info.itemsize != 1 || info.strides[0] != 1)))
    throw Error("parse() needs a contiguous buffer of bytes");
  const std::string_view bytes(static_cast<const char*>(info.ptr),
                               static_cast<size_t>(info.size));
  // `data` is kept alive by the caller's reference for the whole call.
  py::gil_scoped_release release;
  return std::make_shared<Handle>(parse(bytes, options, path_hint));
}

// Reads a whole file into `data`, like vnlegal::read_file() but into a
// buffer the caller reuses: in a long-running process such as Python's,
// a fresh buffer per file makes glibc give the pages back and fault them in
// again for the next file, which costs more than parsing a small file.
void read_whole_file(const std::string& path, std::string& data) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw Error("cannot open " + path);
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
    std::fclose(f);
    throw Error("cannot read " + path + ": not a file");
  }
  // Regular files report their size; pipes and special files read to EOF.
  data.resize(S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) : 0);
  data.resize(std::fread(data.data(), 1, data.size(), f));
  char chunk[65536];
  for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;)
    data.append(chunk, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw Error("cannot read " + path);
}

Document parse_one_file(const std::string& path, const Options& options) {
  // One buffer per thread, as large as the largest file read so far.
  thread_local std::string buffer;
  read_whole_file(path, buffer);
  Document doc = parse(buffer, options, path);
  if (buffer.capacity() > (64u << 20)) std::string().swap(buffer);
  return doc;
}

HandlePtr parse_path(const std::string& path, const Options& options) {
  py::gil_scoped_release release;
  return std::make_shared<Handle>(parse_one_file(path, options));
}

// Parses files on `jobs` C++ threads; returns, in input order, a handle or
// the message of the vnlegal::Error that file raised.
py::list parse_paths(const std::vector<std::string>& paths,
                     const Options& options, int jobs) {
  std::vector<HandlePtr> docs(paths.size());
  std::vector<std::string> errors(paths.size());
  {
    py::gil_scoped_release release;
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    size_t n = jobs > 0 ? static_cast<size_t>(jobs) : hw;
    n = std::max<size_t>(1, std::min(n, paths.size()));
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < paths.size(); i = next++) {
        try {
          docs[i] = std::make_shared<Handle>(parse_one_file(paths[i], options));
        } catch (const std::exception& e) {
          // vnlegal::Error (unreadable file) and anything unexpected alike
          // become a per-file error, so one bad file never loses the batch.
          errors[i] = e.what();
        }
      }
    };
    std::vector<std::thread> threads;
    for (size_t t = 1; t < n; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
  }
  py::list out(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    if (docs[i])
      out[i] = py::cast(docs[i]);
    else
      out[i] = utf8(errors[i]);
  }
  return out;
}

py::str normalize_text(const std::string& input, const Options& options) {
  std::string text;
  {
    py::gil_scoped_release release;
    text = normalize(input, options.normalize).text;
  }
  return utf8(text);
}

// Raw bytes of any supported container and encoding: read, then normalize.
py::tuple normalize_bytes(const py::bytes& data, const Options& options,
                          const std::string& path_hint) {
  const std::string_view bytes = data;
  Normalized norm;
  Diagnostics diagnostics;
  {
    py::gil_scoped_release release;
    ReadResult read = read_document(bytes, path_hint, options);
    norm = normalize(read.text, options.normalize);
    diagnostics = std::move(read.diagnostics);
    for (Diagnostic& d : norm.diagnostics) diagnostics.push_back(std::move(d));
  }
  return py::make_tuple(utf8(norm.text), diagnostics_of(diagnostics, nullptr));
}

py::tuple detect(const py::bytes& data) {
  const std::string_view bytes = data;
  Detection d;
  {
    py::gil_scoped_release release;
    d = detect_encoding(bytes);
  }
  return py::make_tuple(to_string(d.encoding), d.confidence, utf8(d.evidence));
}

// glibc serves blocks above its mmap threshold (128 KiB at start) with mmap
// and gives the heap's top back to the system above the trim threshold; both
// thresholds rise when a larger mmapped block is freed (mallopt(3), "dynamic
// mmap threshold"). A long-running Python process that parses file after
// file would otherwise map, fault in and unmap the same pages for every
// document (the command-line tool escapes this by accident: its growing
// output buffer raises the thresholds early). Freeing one 4 MiB block at
// import time puts the process in the state any program reaches once it has
// used a 4 MiB buffer; it changes no setting and keeps glibc's adaptation.
void raise_allocator_thresholds() {
#if defined(__GLIBC__)
  void* volatile block = std::malloc(4u << 20);
  std::free(block);
#endif
}

}  // namespace
}  // namespace vnlegal::python

PYBIND11_MODULE(_vnlegal, m) {
  using namespace vnlegal;
  using namespace vnlegal::python;
  m.doc() = "Low-level bindings of the vnlegal C++ library; use `vnlegal`.";
  raise_allocator_thresholds();
  py::register_exception<Error>(m, "Error", PyExc_RuntimeError);

  py::class_<Options>(m, "NativeOptions",
                      "Parsing options as the C++ library holds them.");
  m.def("make_options", &make_options, py::arg("encoding"), py::arg("tone"),
        py::arg("quotes"), py::arg("join_wrapped_lines"),
        py::arg("strip_markup"), py::arg("extract_references"),
        py::arg("extract_quantities"), py::arg("max_input_bytes"),
        py::arg("max_depth"));

  py::class_<Handle, HandlePtr>(m, "Handle", "A parsed C++ Document.")
      .def_property_readonly("text",
                             [](const Handle& h) { return utf8(h.doc.text); })
      .def_property_readonly(
          "text_bytes", [](const Handle& h) { return py::bytes(h.doc.text); })
      .def("nodes", &nodes_of)
      .def("references", &references_of)
      .def("quantities", &quantities_of)
      .def(
          "diagnostics",
          [](const Handle& h) { return diagnostics_of(h.doc.diagnostics, &h); })
      .def("metadata", &metadata_of)
      .def("source",
           [](const Handle& h) {
             const Source& s = h.doc.source;
             return py::make_tuple(utf8(s.path), s.format, s.encoding, s.sha256,
                                   s.size);
           })
      .def("char_index",
           [](const Handle& h, uint32_t byte) {
             return h.index().chars_before(byte);
           })
      .def("byte_index",
           [](const Handle& h, uint32_t index) {
             return h.index().byte_of(index);
           })
      .def("source_offset",
           [](const Handle& h, uint32_t index) {
             return h.doc.offsets.to_source(h.index().byte_of(index));
           })
      .def("check_invariants",
           [](const Handle& h) { return check_invariants(h.doc); })
      .def(
          "to_json",
          [](const Handle& h, bool include_text) {
            return export_without_gil(
                [&] { return to_json(h.doc, include_text); });
          },
          py::arg("include_text") = false)
      .def("to_xml",
           [](const Handle& h) {
             return export_without_gil([&] { return to_xml(h.doc); });
           })
      .def("to_akn",
           [](const Handle& h) {
             return export_without_gil([&] { return to_akn(h.doc); });
           })
      .def("to_outline", [](const Handle& h) {
        return export_without_gil([&] { return to_outline(h.doc); });
      });

  m.def("parse_buffer", &parse_buffer, py::arg("data"), py::arg("options"),
        py::arg("path_hint"));
  m.def("parse_path", &parse_path, py::arg("path"), py::arg("options"));
  m.def("parse_paths", &parse_paths, py::arg("paths"), py::arg("options"),
        py::arg("jobs"));
  m.def("normalize_text", &normalize_text, py::arg("text"), py::arg("options"));
  m.def("normalize_bytes", &normalize_bytes, py::arg("data"),
        py::arg("options"), py::arg("path_hint"));
  m.def("detect_encoding", &detect, py::arg("data"));
  m.def("version", &version);
}
