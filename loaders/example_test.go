package loaders_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/loaders"
)

func ExampleWalk() {
	// Standard input holds a JSONL batch; Walk sniffs the format.
	stdin := strings.NewReader(`{"title":"Bridge reopens","text":"The bridge reopened on Monday.\n\nMost read","published":"2024-04-15","source":"City Herald"}
{"title":"Museum deal","body":"The museum signed a loan deal.","date":"April 16, 2024"}
`)
	err := loaders.Walk(context.Background(), []string{"-"}, stdin, loaders.Options{}, func(d loaders.Document) error {
		fmt.Printf("%s %s %q (%s): %s\n", d.Path, d.Published.Format("2006-01-02"), d.Title, d.Source, d.Text)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// -:1 2024-04-15 "Bridge reopens" (City Herald): The bridge reopened on Monday.
	// -:2 2024-04-16 "Museum deal" (): The museum signed a loan deal.
}

func ExampleParse() {
	page := []byte(`<html><head><meta property="og:title" content="Rail strike called off">
<meta property="og:site_name" content="Metro Daily"></head>
<body><nav><a href="/">Home</a></nav>
<article><p>The strike was called off after a late-night deal.</p>
<ul class="related"><li><a href="/a">Fares to rise</a></li></ul></article></body></html>`)
	docs, err := loaders.Parse("strike.html", page, loaders.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | %s | %s\n", docs[0].Title, docs[0].Source, docs[0].Text)
	// Output:
	// Rail strike called off | Metro Daily | The strike was called off after a late-night deal.
}

func ExampleError() {
	batch := []byte("{\"text\":\"One.\"}\n{\"text\":\"Two.\"\n")
	_, err := loaders.Parse("news.jsonl", batch, loaders.Options{})
	var le *loaders.Error
	if errors.As(err, &le) && errors.Is(err, loaders.ErrSyntax) {
		fmt.Println("bad line", le.Line, "of", le.Path)
	}
	fmt.Println(err)
	// Output:
	// bad line 2 of news.jsonl
	// load news.jsonl:2: syntax error: unexpected end of JSON input
}
