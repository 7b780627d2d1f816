# photocat — the two commands of the README, and a few helpers.
#   make demo   install what is missing, build, run photocat on the sample card
#   make test   install what is missing, build, run the test suite

SHELL    := /bin/bash
SWIFT    ?= swift
OUT      ?= demo-output
PREFIX   ?= /usr/local
PACKAGES := libexif-dev libjpeg-dev libsqlite3-dev pkg-config
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FLAGS    := $(shell bench/release-flags)
RELEASE   = $(shell $(SWIFT) build -c release $(FLAGS) --show-bin-path 2>/dev/null)

.PHONY: demo test test-asan test-tsan deps build install fixtures hostile agreement golden bench bench-rerun bench-track fuzz format lint clean

# System libraries come from the distribution; only what is missing is installed.
deps:
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is needed: see https://www.swift.org/install/linux/"; exit 1; }
	@if ! pkg-config --exists libexif libjpeg sqlite3 2>/dev/null; then \
		echo "Installing $(PACKAGES) with apt-get ..."; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(PACKAGES); \
	fi

build: deps
	$(SWIFT) build -c release $(FLAGS) --product photocat

# The sample card holds one damaged photo on purpose, so photocat exits 1 there; 2 and up are real failures.
# A fresh checkout's files are seconds old, so --settle 0: nothing here is still being copied.
demo: build
	@$(RELEASE)/photocat run fixtures/sample-card --manifest fixtures/sample-manifest.yaml --out $(OUT) --settle 0; \
	status=$$?; [ $$status -le 1 ] || exit $$status; \
	echo; \
	echo "Output in $(OUT)/:"; \
	echo "  review.html              open it in a browser: look the batch over, see the hints (a burst, a blurred frame), save choices"; \
	echo "  commons/batch.jsonl      one line per photo: status, Commons file name, wikitext, structured data"; \
	echo "  commons/batch.csv        the ready photos for spreadsheet-driven upload tools"; \
	echo "  commons/*.wikitext       the file page of each photo ready for upload"; \
	echo "  thumbs/320, thumbs/1280  upright thumbnails"; \
	echo "  report.json              counts and every diagnostic"; \
	echo "  catalog.sqlite           every photo and run: try $(RELEASE)/photocat status --out $(OUT)"; \
	echo "(exit status $$status: the sample card has one damaged photo on purpose)"

# The suite's own log is kept in .build/test.log; what it skipped (no corpus, no Chromium, no
# MediaWiki, no exiftool) is listed at the end with the reason, so a green run says what it left out.
test: deps
	$(SWIFT) build --build-tests
	@set -o pipefail; $(SWIFT) test 2>&1 | tee .build/test.log; status=$$?; \
	skipped=$$(grep -E "^[^A-Za-z]*(Test|Suite) [^ ]+ skipped" .build/test.log | sed -E 's/^[^A-Za-z]*//' | sort -u); \
	if [ -n "$$skipped" ]; then echo; echo "Skipped ($$(echo "$$skipped" | wc -l)):"; echo "$$skipped" | sed 's/^/  /'; \
	else echo; echo "Nothing was skipped."; fi; exit $$status

# The whole suite under AddressSanitizer (with LeakSanitizer) and under ThreadSanitizer, each in
# a build folder of its own so the normal build stays as it is.
test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/lsan.supp:print_suppressions=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# libFuzzer over the parsers for SECONDS (default 600); see fuzz/run.
fuzz: deps
	fuzz/run $(SECONDS)

# The binary, its man page (made by swift-argument-parser's generate-manual plugin from the
# command definitions) and shell completions. No root needed with PREFIX=~/.local.
install: build
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
		$(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE)/photocat $(PREFIX)/bin/photocat
	$(SWIFT) package generate-manual >/dev/null
	install -m 644 .build/plugins/GenerateManual/outputs/photocat/photocat.1 $(PREFIX)/share/man/man1/photocat.1
	$(RELEASE)/photocat --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/photocat
	$(RELEASE)/photocat --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_photocat
	$(RELEASE)/photocat --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/photocat.fish
	@echo "photocat installed in $(PREFIX)/bin, with its man page and bash, zsh and fish completions"

# The code's layout, as .swift-format describes it (swift-format comes with the Swift toolchain).
FORMATTED := Sources Tests Package.swift fuzz/target
format:
	$(SWIFT) format format --in-place --recursive $(FORMATTED)

lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

# Regenerates the sample card from SampleCard.swift (photocat's own encoder and EXIF writer).
fixtures: deps
	$(SWIFT) run photocat-fixtures fixtures/sample-card

# Rewrites the exiftool agreement table of docs/exif-and-time.md from what ExiftoolAgreementTests
# measures on ../shared/corpus/dev (the suite fails while the page says something else).
agreement: deps
	PHOTOCAT_RECORD_AGREEMENT=1 $(SWIFT) test --filter ExiftoolAgreementTests

# Writes fixtures/hostile/ from the sample card, with exiftool's answers (needs exiftool).
hostile: deps
	python3 fixtures/hostile/make.py

# Re-records the golden files after an intended change to the output; review the diff.
golden: deps
	PHOTOCAT_RECORD_GOLDEN=1 $(SWIFT) test --filter wikitextMatchesTheGoldenFiles

# photocat against vipsthumbnail, ImageMagick and djpeg on generated 12 to 45 MP cards, and inspect against
# exiftool; writes the figures into docs/speed.md and the README (bench/run --quick: smaller, prints only).
bench: deps
	bench/run

# What nightly reruns cost on a 1,000-photo card: no change, a manifest edit, 10 new photos.
bench-rerun: deps
	bench/rerun

# What a day-long GPX track costs to load (writes the figure in docs/exif-and-time.md).
bench-track: deps
	bench/track

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz $(OUT)
