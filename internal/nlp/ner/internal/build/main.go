// Command build regenerates the embedded NER clusters and model:
//
//	go run ./internal/build -data /work/shared/corpora -out data -clusters
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
	"github.com/newsgraph/newsgraph/internal/nlp/ner"
)

func main() {
	data := flag.String("data", "../../../../shared/corpora", "corpora directory (conll2003/, bbc-news/)")
	out := flag.String("out", "data", "output directory")
	clusters := flag.Bool("clusters", false, "rebuild the word clusters")
	epochs := flag.Int("epochs", 0, "training epochs (0: default)")
	onePass := flag.Bool("onepass", false, "no second pass (extended prediction history)")
	ensemble := flag.Int("ensemble", 0, "models averaged (0: default)")
	ctxWords := flag.Int("contexts", 0, "cluster context words (0: default)")
	clMin := flag.Int("cluster-mincount", 0, "cluster word count cutoff (0: default)")
	minCount := flag.Int("mincount", 0, "feature count cutoff (0: default)")
	eval := flag.String("eval", "", "only evaluate the model in -out on this CoNLL `file`")
	gum := flag.Bool("gum", false, "add UD GUM train named mentions to the training data")
	gumGenres := flag.String("gum-genres", "", "comma-separated GUM genres to use (empty: all)")
	gumWeight := flag.Float64("gum-weight", 0, "update weight of GUM sentences (0: 1)")
	names := flag.Bool("names", false, "features from a gazetteer of training-set names")
	dumpGUM := flag.String("dump-gum", "", "write the GUM CoNLL-U `file` as CoNLL NER columns and exit")
	flag.Parse()
	if *dumpGUM != "" {
		lex, err := lexicon.Load()
		if err == nil {
			var docs []ner.Document
			docs, err = ner.ReadGUMFile(*dumpGUM, lex, ner.GUMOptions{})
			if err == nil {
				err = ner.WriteCoNLL(os.Stdout, docs)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			os.Exit(1)
		}
		return
	}
	if *eval != "" {
		if err := evaluate(*out, *eval); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			os.Exit(1)
		}
		return
	}
	var genres []string
	if *gumGenres != "" {
		genres = strings.Split(*gumGenres, ",")
	}
	_, err := ner.TrainDir(context.Background(), *data, *out, ner.BuildOptions{
		Clusters: *clusters, ClusterOptions: ner.ClusterOptions{Contexts: *ctxWords, MinCount: *clMin}, Train: ner.TrainOptions{Epochs: *epochs, MinCount: *minCount, OnePass: *onePass, Ensemble: *ensemble, Names: *names}, Log: os.Stderr,
		GUM: *gum, GUMOptions: ner.GUMOptions{Genres: genres, Weight: *gumWeight}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

func evaluate(dir, path string) error {
	m, err := ner.LoadFS(os.DirFS(dir))
	if err != nil {
		return err
	}
	return ner.EvaluateFile(os.Stdout, m, path)
}
