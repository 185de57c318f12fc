package ner

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
)

// BuildOptions configures TrainDir.
type BuildOptions struct {
	Clusters bool // rebuild the word clusters (else read them from OutDir)
	// ClusterOptions configures the rebuilt clusters.
	ClusterOptions ClusterOptions
	Train          TrainOptions
	// GUM adds the named mentions of UD GUM train (ud-gum/en_gum-ud-train.conllu
	// under the data directory) to the training data (see GUMDocuments).
	GUM bool
	// GUMOptions selects the GUM documents used.
	GUMOptions GUMOptions
	Log        io.Writer // progress lines; nil for none
}

// corpusPath finds name under dir or dir/conll2003.
func corpusPath(dir string, names ...string) string {
	for _, n := range names {
		p := filepath.Join(dir, n)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return filepath.Join(dir, names[0])
}

// ReadCoNLLFile reads a CoNLL-2003 file.
func ReadCoNLLFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return ReadCoNLL(f, path)
}

// TrainDir trains the model from the corpora under dataDir (conll2003/
// train.txt and valid.txt; bbc-news/articles.jsonl for the clusters) and
// writes ClustersFile and ModelFile to outDir.
func TrainDir(ctx context.Context, dataDir, outDir string, opt BuildOptions) (*Model, error) {
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	trainPath := corpusPath(dataDir, "conll2003/train.txt", "train.txt")
	devPath := corpusPath(dataDir, "conll2003/valid.txt", "valid.txt")
	train, err := ReadCoNLLFile(trainPath)
	if err != nil {
		return nil, err
	}
	dev, err := ReadCoNLLFile(devPath)
	if err != nil {
		return nil, err
	}
	lex, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	if opt.GUM {
		gum, err := ReadGUMFile(corpusPath(dataDir, "ud-gum/en_gum-ud-train.conllu", "en_gum-ud-train.conllu"), lex, opt.GUMOptions)
		if err != nil {
			return nil, err
		}
		n := 0
		for _, d := range gum {
			n += len(d.Sentences)
		}
		logf("gum: %d documents, %d sentences", len(gum), n)
		train = append(train, gum...)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	clPath := filepath.Join(outDir, ClustersFile)
	if opt.Clusters {
		t0 := time.Now()
		var sents [][]string
		for _, d := range train {
			for _, s := range d.Sentences {
				sents = append(sents, s.Words())
			}
		}
		bbc, err := readBBC(corpusPath(dataDir, "bbc-news/articles.jsonl", "articles.jsonl"))
		if err != nil {
			return nil, err
		}
		sents = append(sents, bbc...)
		cl := BuildClusters(sents, opt.ClusterOptions)
		f, err := os.Create(clPath)
		if err != nil {
			return nil, fmt.Errorf("train ner: %w", err)
		}
		if err := cl.Write(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("write %s: %w", clPath, err)
		}
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("write %s: %w", clPath, err)
		}
		logf("clusters: %d words from %d sentences in %s", cl.Len(), len(sents), time.Since(t0).Round(time.Millisecond))
	}
	cf, err := os.Open(clPath)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	cl, err := ReadClusters(cf)
	cf.Close()
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	topt := opt.Train
	user := topt.Progress
	topt.Progress = func(ep int, sc Score) {
		if ep == 0 {
			logf("ensemble  dev F1 %.2f  (P %.2f R %.2f)  PER %.2f ORG %.2f LOC %.2f MISC %.2f  %s", sc.Overall.F1(),
				sc.Overall.Precision(), sc.Overall.Recall(), sc.ByType["PER"].F1(), sc.ByType["ORG"].F1(),
				sc.ByType["LOC"].F1(), sc.ByType["MISC"].F1(), time.Since(t0).Round(time.Second))
			return
		}
		logf("epoch %2d  dev F1 %.2f  (P %.2f R %.2f)  PER %.2f ORG %.2f LOC %.2f MISC %.2f  %s", ep, sc.Overall.F1(),
			sc.Overall.Precision(), sc.Overall.Recall(), sc.ByType["PER"].F1(), sc.ByType["ORG"].F1(),
			sc.ByType["LOC"].F1(), sc.ByType["MISC"].F1(), time.Since(t0).Round(time.Second))
		if user != nil {
			user(ep, sc)
		}
	}
	m, err := Train(ctx, train, dev, cl, lex, topt)
	if err != nil {
		return nil, err
	}
	mp := filepath.Join(outDir, ModelFile)
	f, err := os.Create(mp)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	if err := m.WriteModel(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("write %s: %w", mp, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("write %s: %w", mp, err)
	}
	logf("model: %d features written to %s", m.NumFeatures(), mp)
	return m, nil
}

// readBBC tokenises the BBC articles, one "sentence" per paragraph line.
func readBBC(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for n := 1; sc.Scan(); n++ {
		var a struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, &ParseError{File: path, Line: n, Err: err}
		}
		for _, para := range strings.Split(a.Title+"\n"+a.Text, "\n") {
			if toks := Tokenize(para); len(toks) > 0 {
				out = append(out, toks)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}
