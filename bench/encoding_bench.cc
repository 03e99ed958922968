// Single-byte decoding throughput against glibc's iconv on the same bytes,
// and the normalizer's speed. The input is a real corpus document written in
// TCVN3/VISCII/CP1258 by iconv itself (VPS, which iconv lacks, by inverting
// the decoder's table), repeated to about 4 MB.
#include <benchmark/benchmark.h>
#include <iconv.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/lookalikes.h"
#include "normalize/tone.h"
#include "vnlegal/encoding.h"
#include "vnlegal/normalize.h"

namespace {

std::string corpus_text() {
  std::string dir = __FILE__;
  dir = dir.substr(0, dir.rfind("bench/"));
  std::ifstream f(dir + "corpus/docs/000_nq-hdnd_01-2020-bac-tu-liem.txt");
  std::stringstream s;
  s << f.rdbuf();
  std::string one = s.str();
  if (one.empty()) one = "Cộng hòa xã hội chủ nghĩa Việt Nam. ";
  std::string out;
  while (out.size() < (4u << 20)) out += one;
  return out;
}

std::string iconv_convert(const std::string& in, const char* to,
                          const char* from) {
  iconv_t cd = iconv_open(to, from);
  std::string out(in.size() * 4 + 16, '\0');
  char* ip = const_cast<char*>(in.data());
  char* op = out.data();
  size_t il = in.size(), ol = out.size();
  while (il > 0) {
    if (iconv(cd, &ip, &il, &op, &ol) == static_cast<size_t>(-1)) {
      ++ip;  // skip what the target cannot hold
      --il;
    }
  }
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

// VPS bytes of `utf8`: the inverse of the decoder's byte table ('?' for
// characters VPS lacks).
std::string vps_encode(const std::string& utf8) {
  std::map<std::string, char> inverse;
  for (int b = 255; b >= 0; --b) {
    const std::string one(1, static_cast<char>(b));
    inverse[vnlegal::decode(one, vnlegal::Encoding::kVps).text] = one[0];
  }
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    auto it = inverse.find(utf8.substr(i, len));
    out.push_back(it == inverse.end() ? '?' : it->second);
    i += len;
  }
  return out;
}

// VNI bytes of `utf8`, by inverting the decoder on single bytes and on
// base + modifier pairs ('?' for characters VNI lacks).
std::string vni_encode(const std::string& utf8) {
  std::map<std::string, std::string> inverse;
  for (int b = 255; b >= 0; --b) {
    const std::string one(1, static_cast<char>(b));
    inverse[vnlegal::decode(one, vnlegal::Encoding::kVni).text] = one;
  }
  for (int b = 0x41; b < 0x100; ++b) {
    for (int m = 0xC0; m < 0x100; ++m) {
      const std::string two{static_cast<char>(b), static_cast<char>(m)};
      const std::string u = vnlegal::decode(two, vnlegal::Encoding::kVni).text;
      if (u.size() <= 3 && !inverse.count(u)) inverse[u] = two;
    }
  }
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 1;
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    auto it = inverse.find(utf8.substr(i, len));
    out += it == inverse.end() ? std::string("?") : it->second;
    i += len;
  }
  return out;
}

const std::string& legacy_bytes(const char* charset) {
  static std::map<std::string, std::string> cache;
  std::string& s = cache[charset];
  if (s.empty()) {
    const std::string name = charset;
    s = name == "VPS"   ? vps_encode(corpus_text())
        : name == "VNI" ? vni_encode(corpus_text())
                        : iconv_convert(corpus_text(), charset, "UTF-8");
  }
  return s;
}

void BM_vnlegal_decode(benchmark::State& state, const char* charset,
                       vnlegal::Encoding enc) {
  const std::string& in = legacy_bytes(charset);
  for (auto _ : state) {
    vnlegal::Decoded d = vnlegal::decode(in, enc);
    benchmark::DoNotOptimize(d.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.size()));
}

void BM_iconv_decode(benchmark::State& state, const char* charset) {
  const std::string& in = legacy_bytes(charset);
  iconv_t cd = iconv_open("UTF-8", charset);
  std::string out(in.size() * 4, '\0');
  for (auto _ : state) {
    char* ip = const_cast<char*>(in.data());
    char* op = out.data();
    size_t il = in.size(), ol = out.size();
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    iconv(cd, &ip, &il, &op, &ol);
    benchmark::DoNotOptimize(out.data());
  }
  iconv_close(cd);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.size()));
}

// iconv writing into fresh memory for every call, as a decoder that returns
// a new string must (only the pages it writes are touched).
void BM_iconv_decode_fresh(benchmark::State& state, const char* charset) {
  const std::string& in = legacy_bytes(charset);
  iconv_t cd = iconv_open("UTF-8", charset);
  for (auto _ : state) {
    std::unique_ptr<char[]> out(new char[in.size() * 4]);
    char* ip = const_cast<char*>(in.data());
    char* op = out.get();
    size_t il = in.size(), ol = in.size() * 4;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    iconv(cd, &ip, &il, &op, &ol);
    benchmark::DoNotOptimize(out.get());
  }
  iconv_close(cd);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.size()));
}

// The floor for any table decoder: one lookup and one store per byte, no
// offset map.
void BM_plain_table_loop(benchmark::State& state, const char* charset,
                         vnlegal::Encoding enc) {
  const std::string& in = legacy_bytes(charset);
  uint32_t packed[256];
  uint8_t len[256];
  for (int b = 0; b < 256; ++b) {
    const std::string u =
        vnlegal::decode(std::string(1, static_cast<char>(b)), enc).text;
    packed[b] = 0;
    std::memcpy(&packed[b], u.data(), std::min<size_t>(u.size(), 4));
    len[b] = static_cast<uint8_t>(u.size());
  }
  for (auto _ : state) {
    std::string out(in.size() * 3 + 4, '\0');
    char* o = out.data();
    for (unsigned char b : in) {
      std::memcpy(o, &packed[b], 4);
      o += len[b];
    }
    out.resize(static_cast<size_t>(o - out.data()));
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.size()));
}

void BM_detect(benchmark::State& state) {
  const std::string& in = legacy_bytes("TCVN5712-1");
  for (auto _ : state)
    benchmark::DoNotOptimize(vnlegal::detect_encoding(in).encoding);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.size()));
}

// The two normalization passes over NFC text.
void BM_fold_lookalikes(benchmark::State& state) {
  static const std::string text = corpus_text();
  for (auto _ : state)
    benchmark::DoNotOptimize(
        vnlegal::internal::fold_lookalikes(text).text.data());
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
}

// The default normalizer's look-alike cost on text that has none: the scan.
void BM_lookalike_scan(benchmark::State& state) {
  static const std::string text = corpus_text();
  for (auto _ : state)
    benchmark::DoNotOptimize(vnlegal::internal::may_hold_lookalikes(text));
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_restyle_tones(benchmark::State& state) {
  static const std::string text = corpus_text();
  for (auto _ : state)
    benchmark::DoNotOptimize(
        vnlegal::internal::restyle_tones(text, vnlegal::ToneStyle::kNew)
            .text.data());
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
}

// normalize() on NFC text with the default options (look-alike scan, no
// tone pass) and with the tone style changed.
void BM_normalize(benchmark::State& state, vnlegal::ToneStyle tone) {
  static const std::string text = corpus_text();
  vnlegal::NormalizeOptions options;
  options.tone = tone;
  for (auto _ : state)
    benchmark::DoNotOptimize(vnlegal::normalize(text, options).text.data());
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK(BM_fold_lookalikes);
BENCHMARK(BM_lookalike_scan);
BENCHMARK(BM_restyle_tones);
BENCHMARK_CAPTURE(BM_normalize, default, vnlegal::ToneStyle::kKeep);
BENCHMARK_CAPTURE(BM_normalize, tone_new, vnlegal::ToneStyle::kNew);

// Compare each vnlegal row with the iconv rows of the same charset: the
// plain iconv rows convert into one reused buffer, the "fresh" rows into new
// memory per call, as a decoder returning a new string must.
BENCHMARK_CAPTURE(BM_vnlegal_decode, tcvn3, "TCVN5712-1",
                  vnlegal::Encoding::kTcvn3);
BENCHMARK_CAPTURE(BM_iconv_decode, tcvn5712_1, "TCVN5712-1");
BENCHMARK_CAPTURE(BM_iconv_decode_fresh, tcvn5712_1, "TCVN5712-1");
BENCHMARK_CAPTURE(BM_vnlegal_decode, viscii, "VISCII",
                  vnlegal::Encoding::kViscii);
BENCHMARK_CAPTURE(BM_iconv_decode, viscii, "VISCII");
BENCHMARK_CAPTURE(BM_iconv_decode_fresh, viscii, "VISCII");
BENCHMARK_CAPTURE(BM_plain_table_loop, viscii, "VISCII",
                  vnlegal::Encoding::kViscii);
BENCHMARK_CAPTURE(BM_vnlegal_decode, vps, "VPS", vnlegal::Encoding::kVps);
BENCHMARK_CAPTURE(BM_vnlegal_decode, vni, "VNI", vnlegal::Encoding::kVni);
BENCHMARK_CAPTURE(BM_vnlegal_decode, cp1258, "CP1258",
                  vnlegal::Encoding::kCp1258);
BENCHMARK_CAPTURE(BM_iconv_decode, cp1258, "CP1258");
BENCHMARK_CAPTURE(BM_iconv_decode_fresh, cp1258, "CP1258");
BENCHMARK(BM_detect);

}  // namespace
