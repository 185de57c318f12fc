package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
)

const bundleMagic = "NGBUNDLE1"

// SaveBundle writes one gzip stream holding meta (as JSON) followed by the
// models, each saved with the given pruning threshold.
func SaveBundle(w io.Writer, meta any, prune float32, models ...*Model) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
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
	return zw.Close()
}

// LoadBundle reads a stream written by SaveBundle, decoding the metadata
// into meta.
func LoadBundle(r io.Reader, meta any) ([]*Sparse, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(bundleMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != bundleMagic {
		return nil, fmt.Errorf("%w: missing bundle header", ErrBadModel)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<28 {
		return nil, fmt.Errorf("%w: bad metadata length", ErrBadModel)
	}
	js := make([]byte, n)
	if _, err := io.ReadFull(br, js); err != nil {
		return nil, fmt.Errorf("%w: metadata: %v", ErrBadModel, err)
	}
	if err := json.Unmarshal(js, meta); err != nil {
		return nil, fmt.Errorf("%w: metadata: %v", ErrBadModel, err)
	}
	k, err := binary.ReadUvarint(br)
	if err != nil || k > 16 {
		return nil, fmt.Errorf("%w: bad model count", ErrBadModel)
	}
	models := make([]*Sparse, k)
	for i := range models {
		if models[i], err = Read(br); err != nil {
			return nil, err
		}
	}
	return models, nil
}
