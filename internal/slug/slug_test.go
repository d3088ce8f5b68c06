package slug_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tenderscore/tenderscore/internal/slug"
)

func TestWords(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"a scale's name", "0–4", "0-4"},
		{"a title", "Service Desk: Operating Model", "service-desk-operating-model"},
		{"leading and trailing marks", "  (Price)  ", "price"},
		{"nothing to keep", "—", ""},
		{"accents are not ASCII letters", "Société", "soci-t"},
	} {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, slug.Words(tt.in, 40)) })
	}
	assert.Len(t, slug.Words(strings.Repeat("ab ", 50), 40), 40, "stops at the limit")
}
