package loaders

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"
)

// decodeText turns raw bytes into UTF-8 text: it removes a UTF-8 byte order
// mark, transcodes UTF-16 and UTF-32 input that starts with a byte order
// mark, and rejects binary data. Invalid UTF-8 is left for the caller, which
// knows whether another encoding may be declared (HTML).
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		out, err := utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, ErrInvalidUTF8
		}
		data = out
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		out, err := utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, ErrInvalidUTF8
		}
		data = out
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, ErrInvalidUTF8
		}
		data = out
	}
	if isBinary(data) {
		return nil, ErrBinary
	}
	return data, nil
}

// binaryMagic lists signatures of common binary formats that may otherwise
// pass the NUL and control-character checks in their first bytes.
var binaryMagic = [][]byte{
	[]byte("%PDF-"),
	[]byte("\x89PNG"),
	[]byte("GIF87a"),
	[]byte("GIF89a"),
	[]byte("\xFF\xD8\xFF"),
	[]byte("PK\x03\x04"),
	[]byte("\x1F\x8B"),
	[]byte("BZh"),
	[]byte("\xFD7zXZ"),
	[]byte("7z\xBC\xAF"),
	[]byte("RIFF"),
	[]byte("\x7FELF"),
	[]byte("%!PS"),
	[]byte("\xD0\xCF\x11\xE0"),
}

// isBinary reports whether data looks like binary rather than text: a NUL
// byte anywhere, a known binary signature, or more than 1 in 10 control
// characters among its first 8 KiB.
func isBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			// "BZh" and "RIFF" are also English text prefixes; require a
			// control or non-ASCII byte soon after.
			if (m[0] == 'B' || m[0] == 'R') && !hasControl(data[len(m):min(len(data), 16)]) {
				continue
			}
			return true
		}
	}
	head := data[:min(len(data), 8192)]
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B {
			ctl++
		}
	}
	return len(head) > 0 && ctl*10 > len(head)
}

func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x80 {
			return true
		}
	}
	return false
}

// firstInvalidLine returns the 1-based line of the first invalid UTF-8
// sequence in data, or 0 when data is valid UTF-8.
func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		c := data[0]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			data = data[1:]
			continue
		}
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		data = data[size:]
	}
	return 0
}

// normalizeText cleans body text: Unicode NFC, every line break form turned
// into "\n", Unicode spaces into ASCII spaces, invisible format and control
// characters dropped, runs of spaces collapsed, lines trimmed, runs of blank
// lines collapsed into one blank line (a paragraph break), and the whole
// trimmed. Quotes and dashes are kept as written.
func normalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false   // a space is pending inside the line
	newlines := 0    // line breaks pending
	started := false // some text was written
	flushBreaks := func() {
		if started && newlines > 0 {
			if newlines > 2 {
				newlines = 2
			}
			b.WriteString("\n\n"[:newlines])
		} else if started && space {
			b.WriteByte(' ')
		}
		newlines, space = 0, false
	}
	prevCR := false
	for _, r := range s {
		cr := r == '\r'
		if r > ' ' && r < 0x7F { // printable ASCII: the common case
			if started && (newlines > 0 || space) {
				flushBreaks()
			}
			b.WriteByte(byte(r))
			started, newlines, space, prevCR = true, 0, false, false
			continue
		}
		switch {
		case r == '\n':
			if !prevCR {
				newlines++
			}
			space = false
		case cr, r == '\f', r == '\v', r == 0x85, r == '\u2028':
			newlines++
			space = false
		case r == '\u2029':
			newlines += 2
			space = false
		case r == '\t' || unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			if newlines == 0 {
				space = true
			}
		case r == '\u00AD', r == '\uFEFF', r == '\u200B', r == '\u2060', r == '\u180E':
			// soft hyphen, byte order mark, zero-width spaces: invisible
		case unicode.Is(unicode.Cc, r):
			// other control characters
		default:
			flushBreaks()
			b.WriteRune(r)
			started = true
		}
		prevCR = cr
	}
	// NFC last: dropping invisible characters can bring a base letter and
	// a combining mark together.
	return norm.NFC.String(b.String())
}

// normalizeField cleans a one-line metadata value such as a title: like
// normalizeText, with every line break turned into a space.
func normalizeField(s string) string {
	s = normalizeText(s)
	if strings.IndexByte(s, '\n') < 0 {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
