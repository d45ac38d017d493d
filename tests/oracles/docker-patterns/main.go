// Oracle for the .dockerignore semantics: for each build context folder named on stdin (one per line), prints the
// paths BuildKit's client would send, using the real github.com/moby/patternmatcher (Debian's
// golang-github-moby-patternmatcher-dev). The walk is tonistiigi/fsutil's filterFS.Walk (filter.go) and the ignore
// file reading is patternmatcher/ignorefile.ReadAll, transcribed because Debian's fsutil predates them.
// Output per context: "== <folder>", then "d <path>" / "f <path>" per sent entry, or "error <message>".
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/moby/patternmatcher"
)

func readAll(data []byte) []string {
	var excludes []string
	scanner := bufio.NewScanner(bytes.NewReader(data))
	currentLine := 0
	for scanner.Scan() {
		scanned := scanner.Bytes()
		if currentLine == 0 {
			scanned = bytes.TrimPrefix(scanned, []byte{0xEF, 0xBB, 0xBF})
		}
		pattern := string(scanned)
		currentLine++
		if strings.HasPrefix(pattern, "#") {
			continue
		}
		pattern = strings.TrimSpace(pattern)
		if pattern == "" {
			continue
		}
		invert := pattern[0] == '!'
		if invert {
			pattern = strings.TrimSpace(pattern[1:])
		}
		if len(pattern) > 0 {
			pattern = filepath.Clean(pattern)
			pattern = filepath.ToSlash(pattern)
			if len(pattern) > 1 && pattern[0] == '/' {
				pattern = pattern[1:]
			}
		}
		if invert {
			pattern = "!" + pattern
		}
		excludes = append(excludes, pattern)
	}
	return excludes
}

func withoutTrailingGlob(p *patternmatcher.Pattern) string {
	s := p.String()
	s = strings.TrimSuffix(s, "/**")
	s = strings.TrimSuffix(s, "/*")
	return s
}

type visitedDir struct {
	path        string
	pathWithSep string
	info        patternmatcher.MatchInfo
	calledFn    bool
}

func walk(root string, out *bufio.Writer) error {
	data, err := os.ReadFile(filepath.Join(root, ".dockerignore"))
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	var matcher *patternmatcher.PatternMatcher
	onlyPrefix := true
	if excludes := readAll(data); len(excludes) > 0 {
		matcher, err = patternmatcher.New(excludes)
		if err != nil {
			return err
		}
		for _, p := range matcher.Patterns() {
			if p.Exclusion() && strings.ContainsAny(withoutTrailingGlob(p), "*[]?^\\") {
				onlyPrefix = false
				break
			}
		}
	}
	var parents []visitedDir
	return filepath.WalkDir(root, func(abs string, d fs.DirEntry, walkErr error) error {
		if walkErr != nil {
			return walkErr
		}
		path, _ := filepath.Rel(root, abs)
		if path == "." {
			return nil
		}
		isDir := d.IsDir()
		if matcher != nil {
			for len(parents) != 0 && !strings.HasPrefix(path, parents[len(parents)-1].pathWithSep) {
				parents = parents[:len(parents)-1]
			}
		}
		dir := visitedDir{path: path, pathWithSep: path + "/"}
		skip := false
		if matcher != nil {
			var parentInfo patternmatcher.MatchInfo
			if len(parents) != 0 {
				parentInfo = parents[len(parents)-1].info
			}
			m, info, err := matcher.MatchesUsingParentResults(path, parentInfo)
			if err != nil {
				return err
			}
			dir.info = info
			if m {
				if isDir && onlyPrefix {
					if !matcher.Exclusions() {
						return filepath.SkipDir
					}
					found := false
					for _, p := range matcher.Patterns() {
						if p.Exclusion() && strings.HasPrefix(withoutTrailingGlob(p)+"/", path+"/") {
							found = true
						}
					}
					if !found {
						return filepath.SkipDir
					}
				}
				skip = true
			}
		}
		defer func() {
			if matcher != nil && isDir {
				parents = append(parents, dir)
			}
		}()
		if skip {
			return nil
		}
		dir.calledFn = true
		for i := range parents {
			if parents[i].calledFn {
				continue
			}
			parents[i].calledFn = true
			fmt.Fprintf(out, "d %s\n", parents[i].path)
		}
		kind := "f"
		if isDir {
			kind = "d"
		}
		fmt.Fprintf(out, "%s %s\n", kind, path)
		return nil
	})
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		root := in.Text()
		if root == "" {
			continue
		}
		fmt.Fprintf(out, "== %s\n", root)
		var buf bytes.Buffer
		w := bufio.NewWriter(&buf)
		if err := walk(root, w); err != nil {
			fmt.Fprintf(out, "error %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
			continue
		}
		w.Flush()
		out.Write(buf.Bytes())
	}
}
