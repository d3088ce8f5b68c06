package score_test

import (
	"fmt"

	"github.com/tenderscore/tenderscore/score"
)

// A bid checked on its own, before its tender is known — as a reader of
// uploaded files checks each bid it reads: an id, a lot, a supplier's id
// and name, and ids without invisible characters.
func ExampleBid_Validate() {
	b := score.Bid{ID: "B\u200B1", Lot: "1", Supplier: score.Supplier{ID: "S-FERN"}}
	fmt.Println(b.Validate())
	// Output:
	// 2 problems in the tender or bids:
	//   supplier.name: is required (value (missing), rule required)
	//   id: an id may not contain invisible, format or control characters: without them it reads "B1" (value "B\u200b1", rule visible-id)
}
