package queries_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/queries"
)

func ExampleGet() {
	q, err := queries.Get("path")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Name, q.Usage())
	_, err = q.Build([]string{"Rotterdam"})
	fmt.Println(err)
	// Output:
	// path FROM TO
	// path: missing argument TO (usage: path FROM TO)
}
