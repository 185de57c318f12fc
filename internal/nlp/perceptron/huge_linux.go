package perceptron

import (
	"syscall"
	"unsafe"
)

// hugePages asks the kernel to back a large, not yet touched slice with
// transparent huge pages: weight tables of hundreds of megabytes are read
// at random, and with 4 KB pages most reads also miss the TLB (training
// ran about three times slower). Failure is harmless and ignored.
func hugePages[T any](s []T) []T {
	if len(s) == 0 {
		return s
	}
	n := len(s) * int(unsafe.Sizeof(s[0]))
	if n < 1<<24 {
		return s
	}
	const madvHugepage = 14 // MADV_HUGEPAGE
	_ = syscall.Madvise(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), n), madvHugepage)
	return s
}
