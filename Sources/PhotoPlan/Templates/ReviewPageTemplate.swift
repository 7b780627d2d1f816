extension ReviewPage {
    /// `review.html`, in Mustache with HTML escaping: `{{ name }}` inserts text escaped for HTML.
    /// Values: `title`, `count`, `filters` (each `status`, `count`, `first`), and `groups`, each
    /// a `scene` with its `cards`: `status`, `name`, `source`, `captured`, and when present
    /// `thumbnail` (with `sha1`), `reasons`, `people` and `wikitext`. The script filters by
    /// status and, for tests, records thumbnails that failed to load.
    static let templateText = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{ title }} — photocat review</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #202122; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 1em; }
        .card { border: 1px solid #c8ccd1; border-radius: 4px; padding: .6em; background: #fff; }
        .card img { width: 100%; height: 190px; object-fit: contain; background: #eaecf0; }
        .name { font-weight: 600; word-break: break-word; }
        .status { display: inline-block; padding: 0 .5em; border-radius: 3px; color: #fff; font-size: 12px; }
        .ready { background: #14866d; } .excluded { background: #ac6600; } .duplicate { background: #72777d; } .failed { background: #d73333; }
        .reasons { color: #54595d; margin: .3em 0; } pre { white-space: pre-wrap; font-size: 12px; background: #f8f9fa; padding: .5em; }
        .missing { display: flex; align-items: center; justify-content: center; height: 190px; background: #eaecf0; color: #72777d; }
        </style></head>
        <body data-cards="{{ count }}">
        <h1>{{ title }}</h1>
        {{# zone }}
        <p>Capture times are on the venue's clock ({{ zone }}), with the instant in UTC where the photo's zone is known.</p>
        {{/ zone }}
        <p>{{ count }} photos. Show: {{# filters }}{{^ first }} {{/ first }}<label><input type="checkbox" data-filter="{{ status }}" checked> {{ status }} ({{ count }})</label>{{/ filters }}</p>
        {{# groups }}
        <section><h2>{{ scene }}</h2><div class="grid">
        {{# cards }}
        <article class="card" data-status="{{ status }}">
        {{# thumbnail }}
        <img id="t-{{ sha1 }}" src="{{ thumbnail }}" alt="{{ source }}">
        {{/ thumbnail }}
        {{^ thumbnail }}
        <div class="missing">no thumbnail</div>
        {{/ thumbnail }}
        <div class="name">{{ name }}</div>
        <div><span class="status {{ status }}">{{ status }}</span> {{ captured }}</div>
        {{# reasons }}
        <div class="reasons">{{ reasons }}</div>
        {{/ reasons }}
        <div>Source: {{ source }}</div>
        {{# people }}
        <div>People: {{ people }}</div>
        {{/ people }}
        {{# wikitext }}
        <details><summary>Page text</summary><pre>{{ wikitext }}</pre></details>
        {{/ wikitext }}
        </article>
        {{/ cards }}
        </div></section>
        {{/ groups }}
        <script>
        document.querySelectorAll('[data-filter]').forEach(function (box) {
          box.addEventListener('change', function () {
            document.querySelectorAll('.card[data-status="' + box.dataset.filter + '"]').forEach(function (card) { card.hidden = !box.checked; });
          });
        });
        window.addEventListener('load', function () {
          var broken = Array.prototype.filter.call(document.images, function (img) { return !(img.complete && img.naturalWidth > 0); });
          document.body.dataset.brokenImages = broken.map(function (img) { return img.id; }).join(' ');
          document.body.dataset.loaded = 'yes';
        });
        </script>
        </body></html>

        """
}
