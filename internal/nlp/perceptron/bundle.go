package perceptron

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
)

const bundleMagic = "NGBUNDLE1"

// SaveBundle writes meta (as JSON) followed by the models, each saved with
// the given pruning threshold. The stream is not compressed: the varint
// weights gain only about 20% from gzip, and inflating them dominated model
// load time. LoadBundle still reads gzip-compressed bundles.
func SaveBundle(w io.Writer, meta any, prune float32, models ...*Model) error {
	zw := bufio.NewWriterSize(w, 1<<16)
	js, err := json.Marshal(meta)
	if err != nil {
		return fmt.Errorf("encode model metadata: %w", err)
	}
	var buf [binary.MaxVarintLen64]byte
	zw.Write([]byte(bundleMagic))
	zw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(js)))])
	zw.Write(js)
	zw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(models)))])
	for _, m := range models {
		if err := m.Write(zw, prune); err != nil {
			return err
		}
	}
	return zw.Flush()
}

// LoadBundle reads a stream written by SaveBundle (plain or gzip-compressed),
// decoding the metadata into meta.
func LoadBundle(r io.Reader, meta any) ([]*Sparse, error) {
	b, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
		}
	}
	if len(b) < len(bundleMagic) || string(b[:len(bundleMagic)]) != bundleMagic {
		return nil, fmt.Errorf("%w: missing bundle header", ErrBadModel)
	}
	b = b[len(bundleMagic):]
	n, l := binary.Uvarint(b)
	if l <= 0 || n > uint64(len(b)-l) {
		return nil, fmt.Errorf("%w: bad metadata length", ErrBadModel)
	}
	b = b[l:]
	if err := json.Unmarshal(b[:n], meta); err != nil {
		return nil, fmt.Errorf("%w: metadata: %v", ErrBadModel, err)
	}
	b = b[n:]
	k, l := binary.Uvarint(b)
	if l <= 0 || k > 16 {
		return nil, fmt.Errorf("%w: bad model count", ErrBadModel)
	}
	b = b[l:]
	models := make([]*Sparse, k)
	for i := range models {
		if models[i], b, err = decode(b); err != nil {
			return nil, err
		}
	}
	return models, nil
}

// readAll reads r to the end, allocating once when r can report its size
// (an fs.File such as an embedded model, or a *bytes.Reader).
func readAll(r io.Reader) ([]byte, error) {
	size := -1
	switch f := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = int(fi.Size())
		}
	case interface{ Len() int }:
		size = f.Len()
	}
	if size < 0 {
		return io.ReadAll(r)
	}
	b := make([]byte, size+1) // one spare byte to detect EOF in one read
	n, err := io.ReadFull(r, b)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return b[:n], nil
	}
	if err != nil {
		return nil, err
	}
	rest, err := io.ReadAll(r) // the file grew: read the remainder
	return append(b[:n], rest...), err
}
