// Command vale-regexp2 times the regular-expression engine Vale 3 runs, on the alternation an
// `existence` rule of the benchmark's terms compiles to. It is the "Vale's own engine" baseline of
// `npm run bench` (test/bench/recognition.bench.ts); `npm run setup:bench` builds it, offline,
// against Debian's github.com/dlclark/regexp2.
//
// The pattern. Vale joins a rule's tokens with `|` into its word template, `(?m)\b(?:%s)\b`, and
// puts `(?i)` in front when the rule ignores case; it compiles the result with regexp2 (a port of
// .NET's backtracking engine) in its RE2 compatibility mode. This program builds that string from
// the terms it is given, each escaped so that it matches itself, in the order given (the benchmark
// passes them longest first, as it does to its JavaScript alternations), and compiles it with the
// same option. Two differences from a real Vale run, both on purpose:
//   - Vale uses a fork of regexp2 (errata-ai's, later jdkato's); this is upstream regexp2 as Debian
//     packages it (1.4.0). The matching algorithm is the same backtracking interpreter, but later
//     upstream releases (and perhaps Vale's fork) port more of .NET's optimisations, among them
//     pulling the common prefix out of adjacent branches. With the terms longest first, adjacent
//     branches seldom share a prefix; those versions are not measured here.
//   - Vale first asks a prefilter whether a block can match at all (a substring search, in the
//     lower-cased block, for literals the pattern requires). With thousands of alternatives any
//     paragraph of a press release contains one of them, so the prefilter lets every block through
//     and only adds its own searches; it is left out, which can only flatter the regex.
//
// Vale runs a rule block by block; here the engine scans one leading slice of the document in a
// single call sequence (FindStringMatch, then FindNextMatch until none is left), which is the same
// matching work without the per-block overhead. Like Vale, each scan converts the text to runes.
//
// The slice. With 20k terms and more the engine tries every alternative at every word start, so it
// is far too slow for a 10 MB document. The program times a probe (the first -min-bytes bytes,
// grown until one run takes a measurable time), sizes the slice so that one run takes about
// -budget-ms, cuts it at a space, and reports its size: the rate is measured on that slice and
// never extrapolated. A warm-up run on the slice comes first, then three timed runs (up to -runs
// while they stay within three budgets); the median is reported. Like Vale, the program sets no
// match timeout by default: the slice sizing bounds the time, and the benchmark kills a run that
// goes on for minutes.
//
// Output: one JSON object on stdout (see report). Spans are rune offsets ([start, end)), as
// regexp2 and Vale report them.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/dlclark/regexp2"
)

// regexp2Version is set at build time (-ldflags -X) from the Debian package's version.
var regexp2Version = "unknown"

type span [2]int

type report struct {
	Engine     string  `json:"engine"`
	Go         string  `json:"go"`
	Options    string  `json:"options"`
	Terms      int     `json:"terms"`
	PatternLen int     `json:"patternBytes"`
	CompileMs  float64 `json:"compileMs"`
	ProbeBytes int     `json:"probeBytes"`
	ProbeMs    float64 `json:"probeMs"`
	// The leading slice the engine was timed on.
	Bytes int `json:"bytes"`
	Runes int `json:"runes"`
	// Median of the timed runs, and their number.
	Ms      float64 `json:"ms"`
	Runs    int     `json:"runs"`
	Matches int     `json:"matches"`
	// Match spans on the slice (with -spans), and on each of the -sentences.
	Spans     []span   `json:"spans,omitempty"`
	Sentences [][]span `json:"sentences,omitempty"`
}

// pattern is the regular expression of an `existence` rule listing terms, case-insensitive.
func pattern(terms []string) string {
	escaped := make([]string, len(terms))
	for i, t := range terms {
		escaped[i] = regexp2.Escape(t)
	}
	return "(?i)" + fmt.Sprintf(`(?m)\b(?:%s)\b`, strings.Join(escaped, "|"))
}

// scan finds every match of re in s, as Vale iterates them, and appends their spans to spans
// unless it is nil.
func scan(re *regexp2.Regexp, s string, spans *[]span) (int, error) {
	n := 0
	m, err := re.FindStringMatch(s)
	for err == nil && m != nil {
		n++
		if spans != nil {
			*spans = append(*spans, span{m.Index, m.Index + m.Length})
		}
		m, err = re.FindNextMatch(m)
	}
	return n, err
}

// leadingWords is the longest prefix of text, cut just before a space, of at most max bytes (at
// least the first word). It mirrors leadingWords() in test/bench/corpus.ts.
func leadingWords(text string, max int) string {
	if max >= len(text) {
		return text
	}
	if cut := strings.LastIndexByte(text[:max+1], ' '); cut > 0 {
		return text[:cut]
	}
	if first := strings.IndexByte(text[1:], ' '); first >= 0 {
		return text[:first+1]
	}
	return text
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func readJSON(path string, v interface{}) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "vale-regexp2: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	termsPath := flag.String("terms", "", "JSON array of the terms, in the order of the alternation")
	textPath := flag.String("text", "", "UTF-8 text whose leading slice is scanned")
	sentencesPath := flag.String("sentences", "", "optional JSON array of short texts: their match spans are reported")
	budgetMs := flag.Float64("budget-ms", 2000, "about how long one timed run may take")
	minBytes := flag.Int("min-bytes", 1000, "smallest slice (and first probe), in bytes")
	maxBytes := flag.Int("max-bytes", 0, "largest slice in bytes (0: the whole text)")
	maxRuns := flag.Int("runs", 5, "at most this many timed runs")
	withSpans := flag.Bool("spans", false, "report the match spans on the slice")
	timeoutMs := flag.Float64("timeout-ms", 0, "regexp2 MatchTimeout, if > 0 (Vale sets none, the default)")
	flag.Parse()
	if *termsPath == "" || *textPath == "" {
		fail("usage: vale-regexp2 -terms terms.json -text doc.txt [-sentences s.json] [-spans] [-budget-ms 2000]")
	}

	var terms []string
	if err := readJSON(*termsPath, &terms); err != nil {
		fail("reading the terms: %v", err)
	}
	data, err := os.ReadFile(*textPath)
	if err != nil {
		fail("reading the text: %v", err)
	}
	text := string(data)
	if *maxBytes > 0 {
		text = leadingWords(text, *maxBytes)
	}

	expr := pattern(terms)
	started := time.Now()
	re, err := regexp2.Compile(expr, regexp2.RE2)
	if err != nil {
		fail("compiling the alternation: %v", err)
	}
	compileMs := ms(time.Since(started))
	if *timeoutMs > 0 {
		re.MatchTimeout = time.Duration(*timeoutMs * float64(time.Millisecond))
	}

	timedScan := func(s string) (float64, int) {
		t := time.Now()
		n, err := scan(re, s, nil)
		if err != nil {
			fail("scanning %d bytes: %v", len(s), err)
		}
		return ms(time.Since(t)), n
	}

	// The probe: grown fourfold until one run takes at least 20 ms (or is the whole text), so that
	// the slice is sized from a measurable time. Its first run on each size is a warm-up.
	probe := leadingWords(text, *minBytes)
	var probeMs float64
	for {
		timedScan(probe)
		probeMs, _ = timedScan(probe)
		if probeMs >= 20 || len(probe) == len(text) {
			break
		}
		probe = leadingWords(text, 4*len(probe))
	}
	target := int(float64(len(probe)) * *budgetMs / maxf(probeMs, 0.01))
	if target < *minBytes {
		target = *minBytes
	}
	slice := leadingWords(text, target)

	// A warm-up run on the slice (it collects the spans, if asked), then the timed runs: at least
	// three (fewer only if -runs says so), more while they stay within three budgets.
	var spans []span
	if *withSpans {
		spans = []span{}
		if _, err := scan(re, slice, &spans); err != nil {
			fail("scanning %d bytes: %v", len(slice), err)
		}
	} else {
		timedScan(slice)
	}
	var times []float64
	matches := 0
	spent := 0.0
	for len(times) < *maxRuns && (len(times) < 3 || spent+median(times) <= 3**budgetMs) {
		t, n := timedScan(slice)
		times = append(times, t)
		spent += t
		matches = n
	}

	out := report{
		Engine:     "github.com/dlclark/regexp2 " + regexp2Version,
		Go:         runtime.Version(),
		Options:    "regexp2.RE2",
		Terms:      len(terms),
		PatternLen: len(expr),
		CompileMs:  compileMs,
		ProbeBytes: len(probe),
		ProbeMs:    probeMs,
		Bytes:      len(slice),
		Runes:      len([]rune(slice)),
		Ms:         median(times),
		Runs:       len(times),
		Matches:    matches,
		Spans:      spans,
	}
	if *sentencesPath != "" {
		var sentences []string
		if err := readJSON(*sentencesPath, &sentences); err != nil {
			fail("reading the sentences: %v", err)
		}
		for _, s := range sentences {
			spans := []span{}
			if _, err := scan(re, s, &spans); err != nil {
				fail("scanning a sentence: %v", err)
			}
			out.Sentences = append(out.Sentences, spans)
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail("writing the report: %v", err)
	}
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
