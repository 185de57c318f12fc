package perceptron

import (
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
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
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
