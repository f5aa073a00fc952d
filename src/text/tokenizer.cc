#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/byte_scan.h"
#include "core/check.h"
#include "text/unicode.h"

namespace spamradar::text {

std::string_view TokenTypeName(TokenType type) {
  switch (type) {
    case TokenType::kWord: return "WORD";
    case TokenType::kUrl: return "URL";
    case TokenType::kEmail: return "EMAIL";
    case TokenType::kPhone: return "PHONE";
    case TokenType::kShortCode: return "SHORTCODE";
    case TokenType::kMoney: return "MONEY";
    case TokenType::kPercent: return "PERCENT";
    case TokenType::kNumber: return "NUMBER";
  }
  return "WORD";
}

namespace {

bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

// The letter a leet character stands for, or 0.
char LeetLetter(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '$': return 's';
    case '@': return 'a';
    case '!': return 'i';
    case '|': return 'l';
    default: return 0;
  }
}

bool IsLeetSymbol(char c) {
  return c == '$' || c == '@' || c == '!' || c == '|';
}

// Whether `text` at `pos` is the payment-app handle of an Indian UPI address
// ("swiggy@icici", "ravi.k@okaxis"), a whole word: there '@' separates a
// payee from its app, and bank alerts are full of them, while leetspeak writes
// it for an 'a' inside a word ("fr@ud").
bool IsUpiHandleAt(std::string_view text, size_t pos) {
  static constexpr std::string_view kHandles[] = {
      "apl",    "axisbank", "axl",    "barodampay", "hdfcbank", "ibl",   "icici", "idfcbank",
      "ikwik",  "kotak",    "okaxis", "okhdfcbank", "okicici",  "oksbi", "paytm", "ptaxis",
      "pthdfc", "ptsbi",    "ptyes",  "sbi",        "upi",      "ybl",   "yapl",  "yesbank"};
  size_t end = pos;
  while (end < text.size() && IsAsciiLetter(text[end])) ++end;
  if (end < text.size() &&
      (IsAsciiDigit(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80)) {
    return false;
  }
  const std::string_view handle = text.substr(pos, end - pos);
  return std::find(std::begin(kHandles), std::end(kHandles), handle) != std::end(kHandles);
}

// Undoes leetspeak in an ASCII word. Digits are read as letters only inside a
// word ("V1tt0n", "fr3e"), where a person reads them so, never at its edges:
// there they are quantities or textspeak ("10am", "1st", "mp3", "win100", "4u"). Symbols ($ @ ! |)
// only reach here when next to letters. Returns true when something was folded.
bool UndoLeet(std::string* word, bool spaced_run) {
  int letters = 0;
  int other_digits = 0;
  bool has_leet = false;
  for (char c : *word) {
    if (IsAsciiLetter(c)) {
      ++letters;
    } else if (LeetLetter(c) != 0) {
      has_leet = true;
    } else if (IsAsciiDigit(c)) {
      ++other_digits;
    }
  }
  if (!has_leet) return false;
  if (letters < (spaced_run ? 1 : 2) || other_digits > 0) {
    // Not a disguised word: drop stray symbols, keep digits.
    std::erase_if(*word, IsLeetSymbol);
    return false;
  }
  const size_t n = word->size();
  std::string out;
  out.reserve(n);
  bool folded = false;
  for (size_t i = 0; i < n;) {
    const char c = (*word)[i];
    if (IsLeetSymbol(c)) {
      out.push_back(LeetLetter(c));
      folded = true;
      ++i;
      continue;
    }
    if (!IsAsciiDigit(c)) {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && IsAsciiDigit((*word)[j])) ++j;
    const size_t run = j - i;
    const bool letter_before = i > 0 && IsAsciiLetter(out.back());
    const bool letter_after = j < n && (IsAsciiLetter((*word)[j]) || IsLeetSymbol((*word)[j]));
    bool read_as_letters = false;
    if (spaced_run) {
      read_as_letters = true;
    } else if (letter_before && letter_after && run <= 2) {
      read_as_letters = true;
    }
    for (size_t k = i; k < j; ++k) {
      const char letter = LeetLetter((*word)[k]);
      if (read_as_letters && letter != 0) {
        out.push_back(letter);
        folded = true;
      } else {
        out.push_back((*word)[k]);
      }
    }
    i = j;
  }
  *word = std::move(out);
  return folded;
}

// A word as cut from the clean text. Its (folded) text is a view into the
// clean text when nothing changed, the usual case, or into the tokenizer's
// scratch buffer when folding rewrote it; either way no allocation per word.
// How CutWords classifies a byte of clean text (which is lower-cased ASCII or UTF-8).
enum class ByteClass : uint8_t { kOther, kAlnum, kLeetSymbol, kApostrophe, kNonAscii };

constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<size_t>(c)] = ByteClass::kAlnum;
  for (int c = '0'; c <= '9'; ++c) table[static_cast<size_t>(c)] = ByteClass::kAlnum;
  table['$'] = table['@'] = table['!'] = table['|'] = ByteClass::kLeetSymbol;
  table['\''] = ByteClass::kApostrophe;
  for (size_t c = 0x80; c < 0x100; ++c) table[c] = ByteClass::kNonAscii;
  return table;
}();

#if !defined(__SSE2__)
// For letters and digits: bit 0 set for a letter, bit 1 for a character
// leetspeak uses ('0', '1', '3', '4', '5', '7'); ClassifyBlock's byte-at-a-time
// form, where there is no SSE2.
constexpr uint8_t kIsLetter = 1;
constexpr uint8_t kIsLeet = 2;
constexpr std::array<uint8_t, 256> kAlnumShape = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<size_t>(c)] = kIsLetter;
  for (char c : std::string_view("013457")) table[static_cast<unsigned char>(c)] = kIsLeet;
  return table;
}();
#endif

// kByteClass and kAlnumShape for the 16 bytes at `block`, one bit per byte,
// of which only the first `available` count: most of a word is ASCII letters
// and digits, and a byte at a time its end was a branch the CPU could not
// predict. The 16 bytes must be readable (the tokenizer's text is padded).
struct AlnumBlock {
  uint32_t alnum;    // 'a'..'z' or '0'..'9'
  uint32_t letters;  // 'a'..'z'
  uint32_t leet;     // '0', '1', '3', '4', '5', '7'
};

inline uint32_t AvailableBits(uint32_t available) {
  return available >= 16 ? 0xFFFFu : (1u << available) - 1;
}

inline AlnumBlock ClassifyBlock(const char* block, uint32_t available) {
  const uint32_t valid = AvailableBits(available);
#if defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
  const auto is = [&bytes](char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
  const __m128i letters = InRange16<'a', 'z'>(bytes);
  const __m128i digits = InRange16<'0', '9'>(bytes);
  const __m128i leet = _mm_or_si128(_mm_or_si128(_mm_or_si128(is('0'), is('1')), is('3')),
                                    _mm_or_si128(_mm_or_si128(is('4'), is('5')), is('7')));
  return {static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letters, digits))) & valid,
          static_cast<uint32_t>(_mm_movemask_epi8(letters)) & valid,
          static_cast<uint32_t>(_mm_movemask_epi8(leet)) & valid};
#else
  AlnumBlock out{0, 0, 0};
  for (uint32_t i = 0; i < 16; ++i) {
    const auto c = static_cast<unsigned char>(block[i]);
    const uint32_t bit = 1u << i;
    out.alnum |= kByteClass[c] == ByteClass::kAlnum ? bit : 0;
    out.letters |= (kAlnumShape[c] & kIsLetter) != 0 ? bit : 0;
    out.leet |= (kAlnumShape[c] & kIsLeet) != 0 ? bit : 0;
  }
  return {out.alnum & valid, out.letters & valid, out.leet & valid};
#endif
}

// What CutWords learned about a word while cutting it.
struct WordShape {
  bool ascii = true;
  bool apostrophe = false;
  bool letters = false;  // has an ASCII letter
  bool leet = false;     // has a character that leetspeak uses

  // Leetspeak needs letters to stand among: "2024" or "100" is left alone.
  bool maybe_leet() const { return leet && (letters || !ascii); }
};

struct RawWord {
  uint32_t begin;  // clean-text range
  uint32_t end;
  uint32_t text_begin;  // in the clean text or in the scratch buffer
  uint32_t text_size;
  bool in_buffer;
  bool maybe_leet;      // has a digit or symbol that leetspeak uses
  bool joined = false;  // made of fragments split by filler punctuation
};

// Bytes readable after a text handed to TokenWriter::AppendPadded.
constexpr size_t kCopyPadding = 16;

// Appends tokens to a Tokenization. The normalized text is written through a
// cursor into a buffer sized ahead (it grows only for typed tokens written
// longer than their span): std::string appends, with a capacity check, a
// library call and a terminator each, were a fifth of tokenizing.
class TokenWriter {
 public:
  TokenWriter(Tokenization* out, size_t expected_size) : out_(out) {
    out_->normalized.resize(expected_size + kCopyPadding);
  }

  void Append(TokenType type, std::string_view text, Span original) {
    char* const to = Start(text.size());
    std::memcpy(to, text.data(), text.size());
    End(type, to, text.size(), original);
  }

  // The same for a text with kCopyPadding readable bytes after it (the
  // tokenizer's padded copy of the clean text): copied 16 bytes at a time,
  // without a branch on its length, which no predictor can guess and a
  // memcpy of a short word takes several of.
  void AppendPadded(TokenType type, std::string_view text, Span original) {
    char* const to = Start(text.size());
    for (size_t i = 0; i < text.size(); i += kCopyPadding) {
      std::memcpy(to + i, text.data() + i, kCopyPadding);
    }
    End(type, to, text.size(), original);
  }

  // Cuts the normalized text to what was written; call once, at the end.
  void Finish() { out_->normalized.resize(size_); }

  std::vector<Finding>& findings() { return out_->findings; }

 private:
  // Where a text of `size` bytes goes, after the separator, with room for
  // kCopyPadding bytes more.
  char* Start(size_t size) {
    if (size_ + 1 + size + kCopyPadding > out_->normalized.size()) {
      out_->normalized.resize(2 * (size_ + 1 + size + kCopyPadding));
    }
    char* const data = out_->normalized.data();
    if (size_ > 0) data[size_++] = ' ';
    return data + size_;
  }
  void End(TokenType type, const char* written, size_t size, Span original) {
    const auto begin = static_cast<uint32_t>(written - out_->normalized.data());
    size_ += size;
    out_->tokens.push_back({type, original, {begin, static_cast<uint32_t>(size_)}});
  }

  Tokenization* out_;
  size_t size_ = 0;  // of the normalized text written
};

class RegionTokenizer {
 public:
  struct Scratch {
    std::vector<RawWord> words;
    std::string buffer;  // folded word texts, see RawWord
    std::string padded;  // the clean text and kCopyPadding zero bytes
  };

  RegionTokenizer(std::string_view raw, const CleanText& clean, TokenWriter* out, Scratch* scratch)
      : raw_(raw), clean_(clean), out_(out), words_(scratch->words), buffer_(scratch->buffer) {
    words_.clear();
    buffer_.clear();
    // Words are cut from a padded copy, so that TokenWriter::AppendPadded
    // can copy them whole.
    scratch->padded.assign(clean.text());
    scratch->padded.append(kCopyPadding, '\0');
    text_ = std::string_view(scratch->padded.data(), clean.text().size());
  }

  void Run(uint32_t begin, uint32_t end) {
    CutWords(begin, end);
    EmitPending();
  }

 private:
  // Whether the character at `pos` belongs to a word, given its neighbours.
  bool IsWordChar(uint32_t pos, uint32_t end, bool in_word) const {
    const char c = text_[pos];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const DecodedChar d = DecodeUtf8(text_, pos);
      const CharClass cls = Classify(d.code_point);
      if (cls == CharClass::kLetter || cls == CharClass::kDigit) return true;
      if (cls == CharClass::kMark) return in_word;
      // Right single quotation mark as an apostrophe: "don’t".
      return d.code_point == 0x2019 && in_word && pos + 3 < end && IsAsciiLetter(text_[pos + 3]);
    }
    if (IsAsciiLetter(c) || IsAsciiDigit(c)) return true;
    const bool next_letter = pos + 1 < end && IsAsciiLetter(text_[pos + 1]);
    const bool prev_letter = pos > 0 && IsAsciiLetter(text_[pos - 1]);
    if (c == '$') return next_letter;
    if (c == '@') return next_letter && !IsUpiHandleAt(text_, pos + 1);
    if (c == '!') return in_word && prev_letter && next_letter && !StartsSentence(pos + 1, end);
    if (c == '|' || c == '\'') return in_word && prev_letter && next_letter;
    return false;
  }

  // Whether the '!' before `pos` ends a sentence whose space was left out
  // rather than disguising an 'i' ("fr!ee", "FR!EE"): a capital and a small
  // letter are written after it ("TONES!Reply"), or a capital after a small
  // letter ("now!SKY").
  bool StartsSentence(uint32_t pos, uint32_t end) const {
    auto written = [this](uint32_t at) {
      const Span span = clean_.ToOriginal(at, at + 1);
      return span.begin < raw_.size() ? raw_[span.begin] : '\0';
    };
    const char first = written(pos);
    if (first < 'A' || first > 'Z') return false;
    const char before = pos >= 2 ? written(pos - 2) : '\0';
    if (before >= 'a' && before <= 'z') return true;
    if (pos + 1 >= end || !IsAsciiLetter(text_[pos + 1])) return false;
    const char second = written(pos + 1);
    return second >= 'a' && second <= 'z';
  }

  // Cuts [begin, end) into words. Runs over every byte of every message, so
  // a word's letters and digits are run through 16 at a time, and only the
  // rare bytes that may join a word or not take the general path.
  void CutWords(uint32_t begin, uint32_t end) {
    uint32_t pos = begin;
    while (pos < end) {
      const ByteClass start_class = kByteClass[static_cast<unsigned char>(text_[pos])];
      if (start_class == ByteClass::kOther ||
          (start_class != ByteClass::kAlnum && !IsWordChar(pos, end, false))) {
        pos += start_class == ByteClass::kNonAscii ? Advance(pos) : 1;
        continue;
      }
      const uint32_t word_begin = pos;
      WordShape shape;
      uint32_t letters = 0, leet = 0;
      while (pos < end) {
        const AlnumBlock block = ClassifyBlock(text_.data() + pos, end - pos);
        const auto run = static_cast<uint32_t>(std::countr_one(block.alnum));
        const uint32_t in_run = (1u << run) - 1;
        letters |= block.letters & in_run;
        leet |= block.leet & in_run;
        pos += run;
        if (run == 16) continue;
        if (pos >= end) break;
        // Not a letter or digit: a word goes on past it only by the rules of IsWordChar.
        const char c = text_[pos];
        const ByteClass cls = kByteClass[static_cast<unsigned char>(c)];
        if (cls == ByteClass::kOther || !IsWordChar(pos, end, pos > word_begin)) break;
        shape.ascii = shape.ascii && cls != ByteClass::kNonAscii;
        shape.apostrophe = shape.apostrophe || c == '\'';
        shape.leet = shape.leet || cls == ByteClass::kLeetSymbol;
        pos += Advance(pos);
      }
      shape.letters = letters != 0;
      shape.leet = shape.leet || leet != 0;
      AddWord(word_begin, pos, end, shape);
    }
  }

  uint32_t Advance(uint32_t pos) const {
    return static_cast<unsigned char>(text_[pos]) < 0x80 ? 1 : DecodeUtf8(text_, pos).length;
  }

  std::string_view TextOf(const RawWord& w) const {
    // Always inside its text (AddWord and the joins make them so): no bounds check.
    return std::string_view((w.in_buffer ? buffer_ : text_).data() + w.text_begin, w.text_size);
  }

  // A word of two ASCII letters or digits or more that nothing can change:
  // no leetspeak, no apostrophe, no filler character joining it to the next
  // word ("fr*ee"). The usual word; it needs none of EmitWithSpacingRuns'
  // rules, which look at a word's neighbours after it, never before it.
  bool IsPlain(uint32_t begin, uint32_t end, uint32_t region_end, const WordShape& shape) const {
    const bool maybe_joined =
        end + 1 < region_end && IsFillerCandidate(text_[end]) && text_[end + 1] != ' ';
    return shape.ascii && !shape.apostrophe && !shape.maybe_leet() && end - begin >= 2 &&
           !maybe_joined;
  }

  void AddWord(uint32_t begin, uint32_t end, uint32_t region_end, const WordShape& shape) {
    const std::string_view clean_word = std::string_view(text_).substr(begin, end - begin);
    const bool joins_previous =
        !words_.empty() && words_.back().end + 1 == begin && IsFillerCandidate(text_[begin - 1]);
    if (!joins_previous && IsPlain(begin, end, region_end, shape)) {
      if (words_.empty()) {  // emitted at once, never stored
        out_->AppendPadded(TokenType::kWord, clean_word, clean_.ToOriginal(begin, end));
        return;
      }
      // The words before it may look at it (a postcode's inward code): it
      // goes with them, and nothing after it looks back past it.
      words_.push_back({begin, end, begin, end - begin, false, false, false});
      EmitPending();
      return;
    }
    if (joins_previous) filler_between_words_ = true;  // JoinFillerPunctuation has work
    // Made in place: a word built aside and copied in had its flags written
    // a byte at a time and read back as one word, a stall the store buffer
    // cannot forward (a fifth of CutWords' time under perf).
    RawWord& word = words_.emplace_back();  // value-initialized: every flag false
    word.begin = begin;
    word.end = end;
    word.text_begin = begin;
    word.text_size = end - begin;
    word.maybe_leet = shape.maybe_leet();
    if (!shape.ascii) {
      word.in_buffer = true;
      word.text_begin = static_cast<uint32_t>(buffer_.size());
      FoldWord(word, clean_word);
      word.text_size = static_cast<uint32_t>(buffer_.size()) - word.text_begin;
      const std::string_view folded = TextOf(word);
      word.maybe_leet =
          std::any_of(folded.begin(), folded.end(), [](char c) { return LeetLetter(c) != 0; });
    } else if (shape.apostrophe) {
      word.in_buffer = true;
      word.text_begin = static_cast<uint32_t>(buffer_.size());
      for (char c : clean_word) {
        if (c != '\'') buffer_.push_back(c);
      }
      word.text_size = static_cast<uint32_t>(buffer_.size()) - word.text_begin;
    }
  }

  // Folds a word with non-ASCII characters to Latin when every letter in it has
  // a Latin look-alike; otherwise keeps it as written (a Russian or Chinese word
  // stays what it is). Reports look-alikes and mixed scripts either way.
  void FoldWord(const RawWord& word, std::string_view clean_word) {
    std::string folded;
    bool foldable = true;
    bool foreign_lookalike = false;
    uint32_t scripts = 0;
    Script first_foreign = Script::kNone;
    for (size_t i = 0; i < clean_word.size();) {
      const DecodedChar d = DecodeUtf8(clean_word, i);
      i += d.length;
      const char32_t c = d.code_point;
      if (c == '\'' || c == 0x2019) continue;
      const CharClass cls = Classify(c);
      const Script script = ScriptOf(c);
      if (cls == CharClass::kLetter && script != Script::kNone) {
        scripts |= 1u << static_cast<unsigned>(script);
        if (script != Script::kLatin && first_foreign == Script::kNone) first_foreign = script;
      }
      if (cls == CharClass::kMark) continue;  // diacritics are dropped with the fold
      const char ascii = FoldToAscii(c);
      if (ascii == 0) {
        foldable = false;
        continue;
      }
      if (c >= 0x80 && script != Script::kLatin && script != Script::kNone)
        foreign_lookalike = true;
      folded.push_back(ascii);
    }
    const Span span = clean_.ToOriginal(word.begin, word.end);
    const uint32_t non_cjk = scripts & ~(1u << static_cast<unsigned>(Script::kCjk));
    const bool mixed = (non_cjk & (non_cjk - 1)) != 0;
    if (mixed) {
      out_->findings().push_back(
          {FindingKind::kMixedScript, span, "Latin+" + std::string(ScriptName(first_foreign))});
    }
    if (foldable) {
      if (foreign_lookalike) out_->findings().push_back({FindingKind::kLookalike, span, folded});
      buffer_ += folded;
    } else {
      buffer_ += clean_word;
    }
  }

  // How two neighbouring words are separated: ' ' for exactly one space, the
  // punctuation character for "x.y" or "x . y", 0 for anything else.
  char SeparatorKind(uint32_t begin, uint32_t end) const {
    std::string_view sep = std::string_view(text_).substr(begin, end - begin);
    if (sep == " ") return ' ';
    while (!sep.empty() && sep.front() == ' ') sep.remove_prefix(1);
    while (!sep.empty() && sep.back() == ' ') sep.remove_suffix(1);
    if (sep.size() == 1 && std::string_view(".-_*~/|+,").find(sep[0]) != std::string_view::npos) {
      return sep[0];
    }
    return 0;
  }

  bool IsSingleChar(const RawWord& w) const {
    const std::string_view text = TextOf(w);
    return text.size() == 1 && (IsAsciiLetter(text[0]) || IsAsciiDigit(text[0]));
  }

  // Upper-case letters or digits as written, so "F R E E" joins and "u r a" does not.
  bool WrittenUpperOrDigit(const RawWord& w) const {
    const Span span = clean_.ToOriginal(w.begin, w.end);
    if (span.empty()) return false;
    const DecodedChar d = DecodeUtf8(raw_, span.begin);
    const auto cp = static_cast<utf8proc_int32_t>(d.code_point);
    return utf8proc_isupper(cp) || Classify(d.code_point) == CharClass::kDigit;
  }

  static bool IsFillerCandidate(char c) {
    return c == '*' || c == '_' || c == '~' || c == '^' || c == '.' || c == '-';
  }

  static bool AllAsciiLetters(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), IsAsciiLetter);
  }

  // Short words that stand on their own: "now.i", "k.good", "it.or" are two
  // sentences or words with the space left out, as texting does, while a
  // disguise cuts a word where it is no word ("fr.ee", "Gu.cci", "W.in").
  static bool IsStandaloneWord(std::string_view word) {
    static constexpr std::string_view kWords[] = {
        "i",  "u",   "k",  "ok", "me", "my",  "it",  "or",  "in",  "on",   "at",  "to",
        "so", "do",  "go", "no", "he", "she", "we",  "ur",  "the", "and",  "but", "is",
        "am", "are", "be", "of", "up", "if",  "how", "wat", "now", "then", "you", "our"};
    return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
  }
  // Two fragments around a '.' that are words on their own: the left one a
  // standalone word and the right one another or three letters or more, or
  // the other way round.
  static bool TwoWords(std::string_view left, std::string_view right) {
    return (IsStandaloneWord(left) && (IsStandaloneWord(right) || right.size() >= 3)) ||
           (IsStandaloneWord(right) && left.size() >= 3);
  }

  // Joins word fragments split by one filler character: "fr*ee", "Pra_da",
  // "Gu.cci". '*', '_', '~' and '^' never sit inside real words; '.' and '-'
  // do ("home.Call", "T-Mobile"), so they only join when one fragment is at most
  // two letters and the next does not start with a capital. Single letters on
  // both sides are left to the spacing rule.
  void JoinFillerPunctuation() {
    if (!filler_between_words_) return;  // most regions: no two words around a filler
    size_t out = 0;
    for (size_t i = 0; i < words_.size(); ++i) {
      if (out > 0 && words_[i].begin == words_[out - 1].end + 1 &&
          IsFillerCandidate(text_[words_[out - 1].end])) {
        RawWord& previous = words_[out - 1];
        const RawWord& word = words_[i];
        const std::string_view left = TextOf(previous);
        const std::string_view right = TextOf(word);
        const char filler = text_[previous.end];
        const bool always_filler = filler != '.' && filler != '-';
        // "Mr.Smith", "T-Mobile": a capital after '.' or '-' starts a new word.
        const Span right_original = clean_.ToOriginal(word.begin, word.end);
        const bool capital_after = right_original.begin < raw_.size() &&
                                   raw_[right_original.begin] >= 'A' &&
                                   raw_[right_original.begin] <= 'Z';
        const bool short_piece = std::min(left.size(), right.size()) <= 2 && !capital_after &&
                                 !(filler == '.' && TwoWords(left, right));
        const bool both_single = left.size() == 1 && right.size() == 1;
        if (!both_single && AllAsciiLetters(left) && AllAsciiLetters(right) &&
            (always_filler || short_piece)) {
          const auto text_begin = static_cast<uint32_t>(buffer_.size());
          std::string joined(left);
          joined += right;
          buffer_ += joined;
          const Span span = clean_.ToOriginal(previous.begin, word.end);
          if (!previous.joined) {
            out_->findings().push_back({FindingKind::kFillerPunctuation, span, joined});
          } else {
            out_->findings().back().span = span;
            out_->findings().back().detail = joined;
          }
          previous = {previous.begin,
                      word.end,
                      text_begin,
                      static_cast<uint32_t>(joined.size()),
                      true,
                      previous.maybe_leet || word.maybe_leet,
                      true};
          continue;
        }
      }
      if (out != i) words_[out] = words_[i];  // before the first join, each word is in place
      ++out;
    }
    words_.resize(out);
  }

  // A UK postcode as written ("W1J 6HL", "SW1A1AA", "MK45 2WT"): its digits
  // are digits, not leetspeak ("W1J" is not "wij"). The outward code is A9,
  // A9A, A99, AA9, AA9A or AA99 in capitals, the inward code 9AA; the outward
  // code alone ("FR33") is taken for one only when an inward code follows.
  static bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
  static bool IsOutwardCode(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && i < 2 && IsUpper(s[i])) ++i;
    if (i == 0 || i >= s.size() || !IsAsciiDigit(s[i])) return false;
    ++i;
    if (i < s.size() && (IsUpper(s[i]) || IsAsciiDigit(s[i]))) ++i;
    return i == s.size();
  }
  static bool IsInwardCode(std::string_view s) {
    return s.size() == 3 && IsAsciiDigit(s[0]) && IsUpper(s[1]) && IsUpper(s[2]);
  }
  bool WrittenAsPostcode(size_t i) const {
    const RawWord& w = words_[i];
    const Span span = clean_.ToOriginal(w.begin, w.end);
    if (span.end > raw_.size()) return false;
    const std::string_view written = raw_.substr(span.begin, span.size());
    if (written.size() >= 5 && IsInwardCode(written.substr(written.size() - 3)) &&
        IsOutwardCode(written.substr(0, written.size() - 3))) {
      return true;
    }
    if (!IsOutwardCode(written) || i + 1 >= words_.size() ||
        SeparatorKind(w.end, words_[i + 1].begin) != ' ') {
      return false;
    }
    const Span next = clean_.ToOriginal(words_[i + 1].begin, words_[i + 1].end);
    return next.end <= raw_.size() && IsInwardCode(raw_.substr(next.begin, next.size()));
  }

  // Emits the words cut since the last emission, with the rules that look at
  // a word's neighbours, and starts afresh.
  void EmitPending() {
    if (!words_.empty()) EmitWithSpacingRuns();
    words_.clear();
    buffer_.clear();
    filler_between_words_ = false;
  }

  void EmitWithSpacingRuns() {
    JoinFillerPunctuation();
    // Every word's text (TextOf) is now in padded text: the clean text's
    // copy, or the buffer with this padding.
    buffer_.append(kCopyPadding, '\0');
    size_t i = 0;
    while (i < words_.size()) {
      size_t j = i + 1;
      if (IsSingleChar(words_[i])) {
        const char kind =
            i + 1 < words_.size() ? SeparatorKind(words_[i].end, words_[i + 1].begin) : 0;
        auto fits = [&](const RawWord& w) {
          return IsSingleChar(w) && (kind != ' ' || WrittenUpperOrDigit(w));
        };
        if (kind != 0 && fits(words_[i])) {
          while (j < words_.size() && fits(words_[j]) &&
                 SeparatorKind(words_[j - 1].end, words_[j].begin) == kind) {
            ++j;
          }
        }
        const bool has_letter = std::any_of(
            words_.begin() + static_cast<long>(i), words_.begin() + static_cast<long>(j),
            [this](const RawWord& w) { return IsAsciiLetter(TextOf(w)[0]); });
        if (j - i >= 3 && has_letter) {
          std::string joined;
          for (size_t k = i; k < j; ++k) joined += TextOf(words_[k]);
          const Span span = clean_.ToOriginal(words_[i].begin, words_[j - 1].end);
          out_->findings().push_back({FindingKind::kLetterSpacing, span, joined});
          UndoLeet(&joined, /*spaced_run=*/true);
          EmitWord(joined, span);
          i = j;
          continue;
        }
        j = i + 1;
      }
      const RawWord& w = words_[i];
      const Span span = clean_.ToOriginal(w.begin, w.end);
      if (w.maybe_leet && !WrittenAsPostcode(i)) {
        std::string text(TextOf(w));
        if (UndoLeet(&text, /*spaced_run=*/false)) {
          out_->findings().push_back({FindingKind::kLeetspeak, span, text});
        }
        if (!text.empty()) EmitWord(text, span);
      } else if (w.text_size > 0) {
        out_->AppendPadded(TokenType::kWord, TextOf(w), span);
      }
      i = j;
    }
  }

  void EmitWord(std::string_view text, Span original) {
    out_->Append(TokenType::kWord, text, original);
  }

  std::string_view raw_;
  const CleanText& clean_;
  std::string_view text_;  // the clean text, in the scratch's padded copy
  TokenWriter* out_;
  std::vector<RawWord>& words_;
  std::string& buffer_;
  bool filler_between_words_ = false;  // two pending words around one filler character
};

}  // namespace

Tokenization Tokenize(std::string_view raw, const CleanText& clean,
                      std::span<const TypedSpan> typed) {
  Tokenization out;
  Tokenize(raw, clean, typed, &out);
  return out;
}

void Tokenize(std::string_view raw, const CleanText& clean, std::span<const TypedSpan> typed,
              Tokenization* result) {
  Tokenization& out = *result;
  out.tokens.clear();
  out.normalized.clear();
  out.findings.clear();
  // Word and scratch buffers live as long as the thread, so steady-state
  // tokenization allocates nothing.
  thread_local RegionTokenizer::Scratch scratch;
  TokenWriter writer(&out, clean.text().size() + 16);
  RegionTokenizer region(raw, clean, &writer, &scratch);
  uint32_t pos = 0;
  const auto size = static_cast<uint32_t>(clean.text().size());
  for (const TypedSpan& span : typed) {
    CHECK(span.begin >= pos && span.end >= span.begin && span.end <= size)
        << "typed spans must be sorted, disjoint and inside the text";
    region.Run(pos, span.begin);
    writer.Append(span.type, span.text, clean.ToOriginal(span.begin, span.end));
    pos = span.end;
  }
  region.Run(pos, size);
  writer.Finish();
}

}  // namespace spamradar::text
