extension ReviewPage {
    /// `review.html`, in Mustache with HTML escaping: `{{ name }}` inserts text escaped for HTML.
    /// Values: `title`, `count`, `filters` (each `status`, `count`, `first`), `scenes`,
    /// `personOptions` (each `id`, `label`; not `people`, which a card without people would
    /// find on the context stack), `lazy` (many photos: images load as they scroll in), and `groups`,
    /// each a `scene` with its `cards`: `status`, `name`, `source`, `captured`, `scene`, and when
    /// present `thumbnail` (with `sha1`), `reasons`, `people`, `wikitext`, `hints` (each `kind`,
    /// `reason`), `hintKinds`, `group` (with `pick`) and `sharpness`. The script filters, takes
    /// the choices (exclude with a reason, a title fragment, people shown) and saves them as a
    /// YAML file in the manifest's `photos:` shape; for tests it records thumbnails that failed
    /// to load and exposes `window.photocatReview`.
    static let templateText = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{ title }} — photocat review</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #202122; }
        .bar { position: sticky; top: 0; background: #f8f9fa; border-bottom: 1px solid #c8ccd1; padding: .5em; z-index: 1; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 1em; }
        .card { border: 1px solid #c8ccd1; border-radius: 4px; padding: .6em; background: #fff; content-visibility: auto; contain-intrinsic-size: auto 480px; }
        .card:focus { outline: 3px solid #36c; }
        .card.in-group { border-left: 6px solid #a2a9b1; } .card.pick { border-left-color: #14866d; }
        .card.chosen-exclude { opacity: .55; }
        .card img { width: 100%; height: 190px; object-fit: contain; background: #eaecf0; }
        .name { font-weight: 600; }
        .path { overflow-wrap: anywhere; }
        .status { display: inline-block; padding: 0 .5em; border-radius: 3px; color: #fff; font-size: 12px; }
        .ready { background: #14866d; } .excluded { background: #ac6600; } .duplicate { background: #72777d; } .failed { background: #d73333; }
        .reasons { color: #54595d; margin: .3em 0; } pre { white-space: pre-wrap; font-size: 12px; background: #f8f9fa; padding: .5em; }
        .hint { color: #ac6600; margin: .2em 0; } .badge { font-size: 12px; color: #54595d; }
        .choice { margin-top: .4em; display: grid; gap: .2em; } .choice input[type=text] { width: 95%; }
        .missing { display: flex; align-items: center; justify-content: center; height: 190px; background: #eaecf0; color: #72777d; }
        </style></head>
        <body data-cards="{{ count }}">
        <h1>{{ title }}</h1>
        {{# zone }}
        <p>Capture times are on the venue's clock ({{ zone }}), with the instant in UTC where the photo's zone is known.</p>
        {{/ zone }}
        <div class="bar">
        <p>{{ count }} photos. Show: {{# filters }}{{^ first }} {{/ first }}<label><input type="checkbox" data-filter="{{ status }}" checked> {{ status }} ({{ count }})</label>{{/ filters }}
        · <label><input type="checkbox" id="hints-only"> only photos with hints</label>
        · <label>scene <select id="scene-filter"><option value="">all</option>{{# scenes }}<option value="{{ . }}">{{ . }}</option>{{/ scenes }}</select></label></p>
        <p><button type="button" id="save">Save choices</button> <span id="chosen">no choices yet</span>.
        Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous photo, <kbd>x</kbd> exclude or keep, <kbd>t</kbd> title, <kbd>s</kbd> save.
        Run photocat again with <code>--choices choices.yaml</code> (or <code>include: [choices.yaml]</code> in the manifest) to apply them.</p>
        </div>
        <select id="people-template" multiple hidden>{{# personOptions }}<option value="{{ id }}">{{ label }}</option>{{/ personOptions }}</select>
        {{# groups }}
        <section><h2>{{ scene }}</h2><div class="grid">
        {{# cards }}
        <article class="card{{# group }} in-group{{/ group }}{{# pick }} pick{{/ pick }}" tabindex="-1" data-status="{{ status }}" data-source="{{ source }}" data-scene="{{ scene }}" data-hints="{{ hintKinds }}"{{# group }} data-group="{{ group }}"{{/ group }}>
        {{# thumbnail }}
        <img id="t-{{ sha1 }}" src="{{ thumbnail }}" alt="{{ source }}"{{# lazy }} loading="lazy"{{/ lazy }}>
        {{/ thumbnail }}
        {{^ thumbnail }}
        <div class="missing">no thumbnail</div>
        {{/ thumbnail }}
        <div class="name">{{ name }}</div>
        <div><span class="status {{ status }}">{{ status }}</span> {{ captured }}</div>
        {{# reasons }}
        <div class="reasons">{{ reasons }}</div>
        {{/ reasons }}
        {{# hints }}
        <div class="hint" data-hint="{{ kind }}">{{ reason }}</div>
        {{/ hints }}
        {{# group }}
        <div class="badge">{{# pick }}the pick of its burst{{/ pick }}{{^ pick }}in a burst{{/ pick }}{{# sharpness }}, sharpness {{ sharpness }}{{/ sharpness }}</div>
        {{/ group }}
        <div class="path">Source: {{ source }}</div>
        {{# people }}
        <div>People: {{ people }}</div>
        {{/ people }}
        {{# wikitext }}
        <details><summary>Page text</summary><pre>{{ wikitext }}</pre></details>
        {{/ wikitext }}
        <div class="choice">
        <label><input type="checkbox" class="exclude"> exclude</label>
        <input type="text" class="reason" placeholder="why (saved with the choice)">
        <input type="text" class="title" placeholder="title fragment, e.g. cake cutting">
        <label class="people-slot" hidden>also shows:</label>
        </div>
        </article>
        {{/ cards }}
        </div></section>
        {{/ groups }}
        <script>
        (function () {
          var cards = Array.prototype.slice.call(document.querySelectorAll('.card'));
          var template = document.getElementById('people-template');
          // Each card's list of people is made when the card is first used: 2,000 lists at load would slow the page.
          function people(card) {
            var list = card.querySelector('.people');
            if (list || !template.options.length) { return list; }
            list = template.cloneNode(true);
            list.removeAttribute('id');
            list.hidden = false;
            list.className = 'people';
            list.size = Math.min(4, list.options.length);
            var slot = card.querySelector('.people-slot');
            slot.appendChild(list);
            slot.hidden = false;
            return list;
          }
          cards.forEach(function (card) {
            if (!template.options.length) { return; }
            card.addEventListener('focusin', function () { people(card); });
            card.addEventListener('pointerenter', function () { people(card); });
          });
          function filter() {
            var shown = {};
            document.querySelectorAll('[data-filter]').forEach(function (box) { shown[box.dataset.filter] = box.checked; });
            var hintsOnly = document.getElementById('hints-only').checked;
            var scene = document.getElementById('scene-filter').value;
            cards.forEach(function (card) {
              card.hidden = !shown[card.dataset.status] || (hintsOnly && !card.dataset.hints) || (scene !== '' && card.dataset.scene !== scene);
            });
          }
          document.querySelectorAll('[data-filter], #hints-only, #scene-filter').forEach(function (control) { control.addEventListener('change', filter); });
          function chosen(card) {
            var choice = {};
            if (card.querySelector('.exclude').checked) { choice.exclude = card.querySelector('.reason').value.trim() || 'excluded in the review'; }
            var title = card.querySelector('.title').value.trim();
            if (title) { choice.title = title; }
            var people = card.querySelector('.people');
            var ids = people ? Array.prototype.filter.call(people.options, function (o) { return o.selected; }).map(function (o) { return o.value; }) : [];
            if (ids.length) { choice.people = ids; }
            return choice;
          }
          // JSON strings are YAML double-quoted scalars, so every text is quoted safely.
          function choices() {
            var lines = ['# Choices made in review.html for ' + JSON.stringify(document.title.replace(/ — photocat review$/, '')) + '.',
                         '# Apply them: photocat run ... --choices choices.yaml, or include: [choices.yaml] in the manifest.', 'photos:'];
            var count = 0;
            cards.forEach(function (card) {
              var choice = chosen(card);
              if (!Object.keys(choice).length) { return; }
              count += 1;
              lines.push('  ' + JSON.stringify(card.dataset.source) + ':');
              if (choice.exclude) { lines.push('    exclude: ' + JSON.stringify(choice.exclude)); }
              if (choice.title) { lines.push('    title: ' + JSON.stringify(choice.title)); }
              if (choice.people) { lines.push('    people: [' + choice.people.map(function (id) { return JSON.stringify(id); }).join(', ') + ']'); }
            });
            if (!count) { lines[2] = 'photos: {}'; }
            return lines.join('\\n') + '\\n';
          }
          function update(card) {
            card.classList.toggle('chosen-exclude', card.querySelector('.exclude').checked);
            var count = cards.filter(function (c) { return Object.keys(chosen(c)).length; }).length;
            document.getElementById('chosen').textContent = count ? count + ' photo' + (count === 1 ? '' : 's') + ' with choices' : 'no choices yet';
          }
          cards.forEach(function (card) {
            card.addEventListener('input', function () { update(card); });
            card.addEventListener('change', function () { update(card); });
          });
          function save() {
            var link = document.createElement('a');
            link.href = URL.createObjectURL(new Blob([choices()], { type: 'text/yaml' }));
            link.download = 'choices.yaml';
            document.body.appendChild(link);
            link.click();
            link.remove();
          }
          document.getElementById('save').addEventListener('click', save);
          var current = -1;
          function move(step) {
            var visible = cards.filter(function (card) { return !card.hidden; });
            if (!visible.length) { return; }
            var at = visible.indexOf(cards[current]);
            var next = visible[Math.max(0, Math.min(visible.length - 1, at + step))];
            current = cards.indexOf(next);
            next.focus();
            next.scrollIntoView({ block: 'nearest' });
          }
          document.addEventListener('keydown', function (event) {
            if (event.target.matches('input[type=text], select') || event.ctrlKey || event.metaKey || event.altKey) { return; }
            var card = cards[current];
            if (event.key === 'j') { move(1); } else if (event.key === 'k') { move(-1); }
            else if (event.key === 'x' && card) { var box = card.querySelector('.exclude'); box.checked = !box.checked; update(card); }
            else if (event.key === 't' && card) { event.preventDefault(); card.querySelector('.title').focus(); }
            else if (event.key === 's') { save(); } else { return; }
          });
          cards.forEach(function (card, index) { card.addEventListener('focusin', function () { current = index; }); });
          window.photocatReview = { choices: choices, save: save, update: update, cards: cards, people: people };
          window.addEventListener('load', function () {
            var broken = Array.prototype.filter.call(document.images, function (img) { return img.loading !== 'lazy' && !(img.complete && img.naturalWidth > 0); });
            document.body.dataset.brokenImages = broken.map(function (img) { return img.id; }).join(' ');
            document.body.dataset.loadMs = Math.round(performance.now());
            document.body.dataset.loaded = 'yes';
          });
        })();
        </script>
        </body></html>

        """
}
