// Command build regenerates the embedded NER clusters and model:
//
//	go run ./internal/build -data /work/shared/corpora -out data -clusters
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/internal/nlp/ner"
)

func main() {
	data := flag.String("data", "../../../../shared/corpora", "corpora directory (conll2003/, bbc-news/)")
	out := flag.String("out", "data", "output directory")
	clusters := flag.Bool("clusters", false, "rebuild the word clusters")
	epochs := flag.Int("epochs", 0, "training epochs (0: default)")
	twoPass := flag.Bool("twopass", false, "extended prediction history (second pass)")
	ensemble := flag.Int("ensemble", 0, "models averaged (0: default)")
	ctxWords := flag.Int("contexts", 0, "cluster context words (0: default)")
	clMin := flag.Int("cluster-mincount", 0, "cluster word count cutoff (0: default)")
	minCount := flag.Int("mincount", 0, "feature count cutoff (0: default)")
	eval := flag.String("eval", "", "only evaluate the model in -out on this CoNLL `file`")
	flag.Parse()
	if *eval != "" {
		if err := evaluate(*out, *eval); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			os.Exit(1)
		}
		return
	}
	_, err := ner.TrainDir(context.Background(), *data, *out, ner.BuildOptions{
		Clusters: *clusters, ClusterOptions: ner.ClusterOptions{Contexts: *ctxWords, MinCount: *clMin}, Train: ner.TrainOptions{Epochs: *epochs, MinCount: *minCount, TwoPass: *twoPass, Ensemble: *ensemble}, Log: os.Stderr})
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
