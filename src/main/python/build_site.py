#!/usr/bin/python3
"""Writes the executed course as a static website (./lab site): one page per notebook in English and in
Vietnamese, converted by nbconvert's lab template, with a table of contents, a language switch between the two
editions of each page, previous and next links, a page per exercise telling how to get and check the course, and
MathJax 2.7 copied into the site (from the pinned jupyter-server-mathjax package) so that the equations typeset
offline. Every page opens from the file system: links are relative, nothing is fetched from elsewhere.

The notebooks come executed (./lab run-notebooks --out); the exercises' ids, titles, points and notebooks come from
the @Exercise annotations of the visible test classes. Nothing of solutions/ or the hidden tests is read.
"""
import argparse
import html
import os
import re
import shutil
import sys

import nbformat
from nbconvert import HTMLExporter

LANGUAGES = ("en", "vi")

WORDS = {
    "en": {
        "course": "LSTM Lab",
        "tagline": "A Jupyter course in Java: why recurrent networks forget, and how the LSTM fixes it.",
        "contents": "Contents",
        "notebooks": "Notebooks",
        "exercises": "Exercises",
        "previous": "Previous",
        "next": "Next",
        "home": "Contents",
        "other": "Tiếng Việt",
        "other_label": "Read this page in Vietnamese",
        "navigation": "Course navigation",
        "read_only": "A read-only copy of the executed course: to run the cells and check your exercises, get the"
        " course (see any exercise's page).",
        "points": "{points} points",
        "in_notebook": "Exercise {id} belongs to notebook {notebook}.",
        "get": "Get the course",
        "get_steps": [
            "Get the course folder: the student edition your instructor hands out (written by <code>./lab release</code>),"
            " or a copy of the course's repository.",
            "In that folder run <code>./lab start</code> (<code>./lab start --lang vi</code> for the Vietnamese edition):"
            " it needs a JDK 17 or newer and Python 3.11 or newer (and Maven for the repository), installs the course's"
            " Jupyter and kernel the first time, and opens JupyterLab.",
        ],
        "do": "Do the exercise",
        "do_steps": [
            "Open <code>{file}</code> from JupyterLab's file browser and replace the <code>TODO</code>.",
            "Read notebook <a href=\"{page}\">{notebook}</a> first: it builds what the exercise asks for, and its"
            " <code>expectedOutput({id})</code> cell shows what your code should give on the fixed case.",
        ],
        "check": "Check it",
        "check_steps": [
            "Save the file, then run the notebook's last cell, <code>check(\"{id}\")</code>: a table of points and hints"
            " for the visible tests.",
            "Or, in a terminal: <code>./lab check {id}</code>.",
            "Hidden tests are graded when you hand the exercise in.",
        ],
        "exercise_title": "Exercise {id}: {title}",
    },
    "vi": {
        "course": "LSTM Lab",
        "tagline": "Một khóa học Jupyter bằng Java: vì sao mạng hồi quy quên, và LSTM khắc phục điều đó thế nào.",
        "contents": "Mục lục",
        "notebooks": "Các notebook",
        "exercises": "Bài tập",
        "previous": "Trang trước",
        "next": "Trang sau",
        "home": "Mục lục",
        "other": "English",
        "other_label": "Đọc trang này bằng tiếng Anh",
        "navigation": "Điều hướng khóa học",
        "read_only": "Bản chỉ đọc của khóa học đã chạy: để chạy các ô và kiểm tra bài tập, hãy lấy khóa học về máy"
        " (xem trang của bài tập bất kỳ).",
        "points": "{points} điểm",
        "in_notebook": "Bài tập {id} thuộc notebook {notebook}.",
        "get": "Lấy khóa học",
        "get_steps": [
            "Lấy thư mục khóa học: bản dành cho sinh viên do giảng viên phát (tạo bằng <code>./lab release</code>),"
            " hoặc một bản sao kho mã của khóa học.",
            "Trong thư mục đó chạy <code>./lab start --lang vi</code>: cần JDK 17 trở lên và Python 3.11 trở lên (và"
            " Maven nếu dùng kho mã); lần đầu lệnh cài Jupyter và kernel của khóa học, rồi mở JupyterLab.",
        ],
        "do": "Làm bài tập",
        "do_steps": [
            "Mở <code>{file}</code> từ trình duyệt tệp của JupyterLab và thay <code>TODO</code>.",
            "Đọc notebook <a href=\"{page}\">{notebook}</a> trước: notebook xây dựng đúng điều bài tập yêu cầu, và ô"
            " <code>expectedOutput({id})</code> cho thấy kết quả mong đợi trên trường hợp cố định.",
        ],
        "check": "Kiểm tra",
        "check_steps": [
            "Lưu tệp, rồi chạy ô cuối của notebook, <code>check(\"{id}\")</code>: một bảng điểm và gợi ý cho các bài"
            " kiểm tra công khai.",
            "Hoặc trong terminal: <code>./lab check {id} --lang vi</code>.",
            "Các bài kiểm tra ẩn được chấm khi bạn nộp bài.",
        ],
        "exercise_title": "Bài tập {id}: {title}",
    },
}

# MathJax 2.7's full TeX configuration (the one the package ships whole) with its HTML-CSS output and STIX web fonts,
# all from the site's own mathjax/ folder.
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
MATHJAX_CONFIG = """<script type="text/x-mathjax-config">
MathJax.Hub.Config({
    "HTML-CSS": {availableFonts: [], preferredFont: null, webFont: "STIX-Web", imageFont: null},
    menuSettings: {zoom: "None"}
});
</script>
"""

SITE_CSS = """/* LSTM Lab's site: the page bar and the table of contents, on nbconvert's JupyterLab look. */
.lstm-site { font-family: system-ui, sans-serif; background: #1f3b57; color: #fff; padding: 0.6em 1.2em; }
.lstm-site nav { display: flex; flex-wrap: wrap; gap: 1.2em; align-items: center; max-width: 1100px; margin: 0 auto; }
.lstm-site a { color: #fff; text-decoration: underline; }
.lstm-site a:focus { outline: 3px solid #ffd166; }
.lstm-site .lang-switch { margin-left: auto; font-weight: bold; }
.lstm-note { max-width: 1100px; margin: 0.8em auto; padding: 0.4em 1.2em; font-family: system-ui, sans-serif;
             color: #333; border-left: 4px solid #1f3b57; background: #f3f6f9; }
.lstm-page { max-width: 900px; margin: 1.5em auto; padding: 0 1.2em; font-family: system-ui, sans-serif;
             line-height: 1.5; color: #1a1a1a; }
.lstm-page code { background: #f0f0f0; padding: 0 0.25em; }
.lstm-page a { color: #0b5394; }
/* nbconvert's code colours on the light theme reach 4.5:1 against the cell background */
.highlight .c1, .highlight .c, .highlight .cm, .highlight .ch { color: #3d6b6b; }
.highlight .mi, .highlight .mf, .highlight .m { color: #006100; }
.highlight .o, .highlight .ow { color: #8a2be2; }
:root { --jp-cell-prompt-not-active-opacity: 1; --jp-cell-prompt-not-active-font-color: #4a4a4a; }
.jp-OutputArea-output pre:focus, .jp-InputArea-editor pre:focus { outline: 2px solid #1f3b57; }
"""


def notebook_title(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return re.sub(r"[`*]", "", line[2:].strip())
    return fallback


def exercises_of(grading_sources):
    """The @Exercise annotations of the visible test classes: id, title, points, notebook, and the starter file."""
    found = []
    pattern = re.compile(r'@Exercise\(\s*id\s*=\s*"(E\d+)",\s*title\s*=\s*"([^"]+)",\s*points\s*=\s*(\d+),'
                         r'\s*notebook\s*=\s*"([^"]+)"', re.S)
    for root, _, files in os.walk(grading_sources):
        for name in files:
            if name.endswith("Test.java"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    m = pattern.search(f.read())
                if m:
                    found.append({"id": m.group(1), "title": m.group(2), "points": int(m.group(3)),
                                  "notebook": m.group(4), "class": name[:-len("Test.java")]})
    return sorted(found, key=lambda e: int(e["id"][1:]))


def vietnamese_titles(messages_vi):
    titles = {}
    if os.path.isfile(messages_vi):
        with open(messages_vi, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"title\.(E\d+)=(.+)", line.strip())
                if m:
                    titles[m.group(1)] = m.group(2)
    return titles


def bar(lang, prefix, here, previous=None, following=None):
    """The page bar: contents, previous, next, and the same page in the other language."""
    w = WORDS[lang]
    other = "vi" if lang == "en" else "en"
    # English pages are at the top, Vietnamese ones under vi/: the other edition of `here`
    other_href = ("vi/" + here) if lang == "en" else ("../" + here)
    if here.startswith("exercises/"):
        other_href = ("../vi/" + here) if lang == "en" else ("../../" + here)
    links = [f'<a href="{prefix}index.html">{html.escape(w["home"])}</a>']
    if previous:
        links.append(f'<a href="{previous[0]}" rel="prev">← {html.escape(w["previous"])}: {html.escape(previous[1])}</a>')
    if following:
        links.append(f'<a href="{following[0]}" rel="next">{html.escape(w["next"])}: {html.escape(following[1])} →</a>')
    links.append(f'<a class="lang-switch" href="{other_href}" lang="{other}" hreflang="{other}"'
                 f' title="{html.escape(w["other_label"])}">{html.escape(w["other"])}</a>')
    return (f'<header class="lstm-site"><nav aria-label="{html.escape(w["navigation"])}">'
            + "".join(links) + "</nav></header>\n")


def plain_page(lang, prefix, here, title, body):
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n"
            f'<link rel="stylesheet" href="{prefix}site.css">\n</head>\n<body>\n'
            + bar(lang, prefix, here)
            + f'<main class="lstm-page">\n{body}\n</main>\n</body>\n</html>\n')


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def without_widgets(nb):
    """The notebook with each widget shown as its static figure: a read-only page has no kernel to move a control,
    and nbconvert would load the widget manager from a CDN for the saved widget state."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
    return nb


def notebook_page(nb, lang, title, here, previous, following):
    prefix = "" if lang == "en" else "../"
    nb = without_widgets(nb)
    exporter = HTMLExporter(template_name="lab", mathjax_url=prefix + MATHJAX_URL)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = re.sub(r"<html(\s[^>]*)?>", f'<html lang="{lang}">', body, count=1)
    body = re.sub(r"<title>.*?</title>", f"<title>{html.escape(title)} — LSTM Lab</title>", body, count=1, flags=re.S)
    script = '<script src="' + prefix + MATHJAX_URL + '">'
    if script not in body:
        raise RuntimeError("nbconvert's page does not load " + prefix + MATHJAX_URL)
    body = body.replace(script, MATHJAX_CONFIG + script, 1)
    body = body.replace("</head>", f'<link rel="stylesheet" href="{prefix}site.css">\n</head>', 1)
    note = f'<p class="lstm-note">{html.escape(WORDS[lang]["read_only"])}</p>'
    header = bar(lang, prefix, here, previous, following).replace("</nav></header>", "</nav>" + note + "</header>")
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + header, body, count=1)
    # nothing from the network: nbconvert's lab template loads require.js from a CDN for JavaScript outputs, which
    # the course has none of (mermaid, also from a CDN, loads only for a mermaid diagram: the course has none)
    body = re.sub(r'<script src="https?://[^"]*"></script>', "", body)
    # scrolling outputs can be reached and scrolled with the keyboard (WCAG 2.1.1)
    body = re.sub(r"<pre(?=[\s>])", '<pre tabindex="0"', body)
    return body


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--executed", required=True, help="the executed English notebooks; the Vietnamese in vi/")
    parser.add_argument("--course", default="notebooks",
                        help="the course's notebooks: a page for each (the executed folder may hold others)")
    parser.add_argument("--out", required=True, help="the site's folder (emptied first)")
    parser.add_argument("--grading", required=True, help="the visible test classes' sources (@Exercise)")
    parser.add_argument("--exercises", required=True, help="the starter code folder, for the files' paths")
    parser.add_argument("--messages-vi", required=True, help="the grader's Vietnamese messages (exercise titles)")
    args = parser.parse_args()

    import jupyter_server_mathjax
    mathjax = os.path.join(os.path.dirname(jupyter_server_mathjax.__file__), "static")
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "vi", "exercises"))
    os.makedirs(os.path.join(args.out, "exercises"))
    shutil.copytree(mathjax, os.path.join(args.out, "mathjax"),
                    ignore=shutil.ignore_patterns("localization", "SVG", "a11y", "*.py", "__pycache__"))
    with open(os.path.join(args.out, "site.css"), "w", encoding="utf-8") as f:
        f.write(SITE_CSS)

    names = sorted(n[:-len(".ipynb")] for n in os.listdir(args.course) if n.endswith(".ipynb"))
    if not names:
        print(f"no notebooks in {args.course}", file=sys.stderr)
        return 1
    exercises = exercises_of(args.grading)
    titles_vi = vietnamese_titles(args.messages_vi)
    starters = {}
    for root, _, files in os.walk(args.exercises):
        for name in files:
            m = re.match(r"(E\d+)[A-Z].*\.java$", name)
            if m:
                starters[m.group(1)] = os.path.relpath(os.path.join(root, name), os.path.dirname(args.exercises))

    for lang in LANGUAGES:
        folder = args.executed if lang == "en" else os.path.join(args.executed, "vi")
        out = args.out if lang == "en" else os.path.join(args.out, "vi")
        books = []
        for name in names:
            path = os.path.join(folder, name + ".ipynb")
            if not os.path.isfile(path):
                print(f"no executed {path}: run ./lab run-notebooks --lang {lang}", file=sys.stderr)
                return 1
            nb = nbformat.read(path, as_version=4)
            books.append((name, nb, notebook_title(nb, name)))
        for k, (name, nb, title) in enumerate(books):
            previous = (books[k - 1][0] + ".html", books[k - 1][2]) if k > 0 else None
            following = (books[k + 1][0] + ".html", books[k + 1][2]) if k + 1 < len(books) else None
            page = notebook_page(nb, lang, title, name + ".html", previous, following)
            with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as f:
                f.write(page)
        w = WORDS[lang]
        titles = {name: title for name, _, title in books}
        for e in exercises:
            title = titles_vi.get(e["id"], e["title"]) if lang == "vi" else e["title"]
            heading = w["exercise_title"].format(id=e["id"], title=title)
            notebook = titles.get(e["notebook"], e["notebook"])
            fill = {"id": e["id"], "file": starters.get(e["id"], "exercises/"), "page": "../" + e["notebook"] + ".html",
                    "notebook": html.escape(notebook)}
            body = [f"<h1>{html.escape(heading)}</h1>",
                    f"<p>{html.escape(w['points'].format(points=e['points']))}. "
                    f"{html.escape(w['in_notebook'].format(id=e['id'], notebook=notebook))}</p>"]
            for section in ("get", "do", "check"):
                body.append(f"<h2>{html.escape(w[section])}</h2>\n<ol>")
                body.extend(f"<li>{step.format(**fill)}</li>" for step in w[section + "_steps"])
                body.append("</ol>")
            prefix = "../" if lang == "en" else "../../"
            with open(os.path.join(out, "exercises", e["id"] + ".html"), "w", encoding="utf-8") as f:
                f.write(plain_page(lang, prefix, "exercises/" + e["id"] + ".html", heading + " — LSTM Lab",
                                   "\n".join(body)))
        toc = [f"<h1>{html.escape(w['course'])}</h1>", f"<p>{html.escape(w['tagline'])}</p>",
               f"<h2>{html.escape(w['notebooks'])}</h2>", "<ul>"]  # the titles carry their numbers
        toc.extend(f'<li><a href="{name}.html">{html.escape(title)}</a></li>' for name, _, title in books)
        toc.append("</ul>")
        toc.append(f"<h2>{html.escape(w['exercises'])}</h2>\n<ul>")
        for e in exercises:
            title = titles_vi.get(e["id"], e["title"]) if lang == "vi" else e["title"]
            toc.append(f'<li><a href="exercises/{e["id"]}.html">{html.escape(e["id"] + ": " + title)}</a>'
                       f' ({html.escape(titles.get(e["notebook"], e["notebook"]))})</li>')
        toc.append("</ul>")
        prefix = "" if lang == "en" else "../"
        with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
            f.write(plain_page(lang, prefix, "index.html", w["course"] + " — " + w["contents"], "\n".join(toc)))
    print(f"site: {len(names)} notebooks and {len(exercises)} exercises in English and Vietnamese -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
