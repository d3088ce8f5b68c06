package safetext_test

import (
	"fmt"

	"github.com/tenderscore/tenderscore/internal/safetext"
)

func ExampleClean() {
	fmt.Printf("%+q\n", safetext.Clean("Evil Ltd\r\n# Winner"))
	// Output: "Evil Ltd\ufffd\ufffd# Winner"
}
