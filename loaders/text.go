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
