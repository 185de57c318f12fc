//go:build !linux

package perceptron

// hugePages returns s unchanged (transparent huge pages are a Linux
// feature).
func hugePages[T any](s []T) []T { return s }
