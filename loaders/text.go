package loaders

// parseText reads a plain text article: the whole input is the body, with
// boilerplate removed. Plain text carries no metadata.
func parseText(data []byte) (Document, error) {
	if err := checkUTF8(data); err != nil {
		return Document{}, err
	}
	return Document{Text: cleanBody(string(data))}, nil
}

// cleanBody normalises body text and removes boilerplate lines.
func cleanBody(s string) string {
	return stripBoilerplate(normalizeText(s))
}

// checkUTF8 returns a *lineError wrapping ErrInvalidUTF8 when data is not
// valid UTF-8.
func checkUTF8(data []byte) error {
	if line := firstInvalidLine(data); line > 0 {
		return &lineError{line: line, err: ErrInvalidUTF8}
	}
	return nil
}

// lineError carries a line number out of a format parser; the caller turns
// it into an *Error with the document's path.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }
