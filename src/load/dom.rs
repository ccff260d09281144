//! A page's element tree, built in one pass over the markup.
//!
//! Saved report pages need their text, their blocks and their tables, not
//! scripting or styling, so this builder keeps what rendering needs: element
//! names, text, and the `rowspan`/`colspan` of cells. It follows the HTML
//! parsing rules where they change what a page shows: raw text in `script` and
//! `style`, character references, void elements, end tags a page leaves out
//! (`<p>`, `<li>`, `<td>`, `<tr>`), head elements kept apart from the body,
//! text and elements misplaced inside a table moved before it (foster
//! parenting), and stray end tags ignored. What it leaves out (rebuilding
//! misnested inline formatting, quirks modes, foreign content) changes where
//! inline elements sit, never the order of the text.

/// A node's index in its [`Tree`].
pub type NodeId = u32;

const NONE: NodeId = u32::MAX;

/// The root of every tree.
pub const ROOT: NodeId = 0;

/// What a node is.
#[derive(Clone, Debug)]
pub enum Data {
    Document,
    /// An element: its lower-case name, and its `rowspan` and `colspan`
    /// (1 when absent or unreadable, at most 64).
    Element { name: Box<str>, rowspan: u8, colspan: u8 },
    /// Text, as a range of [`Tree::text`].
    Text { start: u32, end: u32 },
    /// A comment (kept as a node: text on either side of it stays apart).
    Comment,
}

#[derive(Clone, Debug)]
struct Node {
    data: Data,
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    next_sibling: NodeId,
}

/// A parsed page.
pub struct Tree {
    nodes: Vec<Node>,
    /// The decoded text of all text nodes, one after another.
    text: String,
}

impl Tree {
    /// Parses a page.
    pub fn parse(html: &str) -> Tree {
        // Room for a node every 16 bytes of markup: the list is seldom moved as it grows.
        let mut b = Builder {
            tree: Tree { nodes: Vec::with_capacity(html.len() / 16), text: String::with_capacity(html.len() / 2) },
            stack: Vec::new(),
            head: None,
            body_started: false,
            quirks: true,
            started: false,
            form: None,
        };
        b.tree.nodes.push(Node { data: Data::Document, parent: NONE, first_child: NONE, last_child: NONE, next_sibling: NONE });
        tokenize(html, &mut b);
        b.tree
    }

    /// The element's name, `None` for text and the root.
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].data {
            Data::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The text of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.nodes[id as usize].data {
            Data::Text { start, end } => Some(&self.text[start as usize..end as usize]),
            _ => None,
        }
    }

    /// A cell's `(rowspan, colspan)`.
    pub fn spans(&self, id: NodeId) -> (usize, usize) {
        match self.nodes[id as usize].data {
            Data::Element { rowspan, colspan, .. } => (rowspan.into(), colspan.into()),
            _ => (1, 1),
        }
    }

    /// The node's children, in order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let first = self.nodes[id as usize].first_child;
        std::iter::successors((first != NONE).then_some(first), move |&c| {
            let next = self.nodes[c as usize].next_sibling;
            (next != NONE).then_some(next)
        })
    }

    /// The node's descendants in document order, the node itself not included.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { tree: self, top: id, next: self.nodes[id as usize].first_child }
    }

    /// The text of the node's descendants, joined.
    pub fn text_content(&self, id: NodeId) -> String {
        self.descendants(id).filter_map(|d| self.text(d)).collect()
    }

    /// Every element of that name, in document order.
    pub fn elements_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(ROOT).filter(move |&d| self.name(d) == Some(name))
    }
}

/// See [`Tree::descendants`].
pub struct Descendants<'a> {
    tree: &'a Tree,
    top: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let current = self.next;
        let nodes = &self.tree.nodes;
        let node = &nodes[current as usize];
        self.next = if node.first_child != NONE {
            node.first_child
        } else {
            // The next sibling of the nearest node (this one or an ancestor
            // below the top) that has one.
            let mut at = current;
            loop {
                if at == self.top {
                    break NONE;
                }
                let n = &nodes[at as usize];
                if n.next_sibling != NONE {
                    break n.next_sibling;
                }
                at = n.parent;
            }
        };
        Some(current)
    }
}

/// Elements without content or end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "param" | "source"
            | "track" | "wbr" | "keygen" | "basefont" | "bgsound" | "frame"
    )
}

/// Elements whose content is not markup; `true` where character references
/// are still decoded in it.
fn raw_text(name: &str) -> Option<bool> {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(false),
        "title" | "textarea" => Some(true),
        _ => None,
    }
}

/// Elements that belong in the head while the body has not begun.
fn is_head_element(name: &str) -> bool {
    matches!(name, "meta" | "title" | "link" | "script" | "style" | "base" | "noscript" | "template" | "basefont" | "bgsound" | "noframes")
}

/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog" | "dir" | "div" | "dl"
            | "fieldset" | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "main" | "menu" | "nav" | "ol"
            | "p" | "section" | "summary" | "ul" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre" | "listing"
            | "form" | "hr" | "table" | "li" | "dd" | "dt" | "plaintext" | "xmp"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The table parts that change how content inside a table is placed.
fn is_table_context(name: &str) -> bool {
    matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr" | "colgroup")
}

/// Elements that bound a search of the open elements for an element "in scope".
fn is_scope_boundary(name: &str) -> bool {
    matches!(name, "html" | "table" | "td" | "th" | "caption" | "marquee" | "object" | "applet" | "template")
}

/// Elements an end tag of another name does not close (the "special" ones).
fn is_special(name: &str) -> bool {
    is_void(name)
        || closes_p(name)
        || is_scope_boundary(name)
        || matches!(
            name,
            "body" | "button" | "colgroup" | "frameset" | "head" | "iframe" | "noembed" | "noframes" | "noscript"
                | "script" | "select" | "style" | "tbody" | "textarea" | "tfoot" | "thead" | "title" | "tr"
        )
}

/// The deepest nesting of open elements kept, as browsers bound it.
const MAX_DEPTH: usize = 512;

struct Builder {
    tree: Tree,
    /// Open elements, innermost last.
    stack: Vec<NodeId>,
    /// The head element while it is open.
    head: Option<NodeId>,
    body_started: bool,
    /// A page without a standards doctype: there a table may sit inside a `<p>`.
    quirks: bool,
    /// Whether anything but a doctype or a comment has been read.
    started: bool,
    /// The open form, if any.
    form: Option<NodeId>,
}

impl Builder {
    fn name(&self, id: NodeId) -> &str {
        self.tree.name(id).unwrap_or("")
    }

    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(ROOT)
    }

    fn append(&mut self, parent: NodeId, data: Data) -> NodeId {
        let id = self.tree.nodes.len() as NodeId;
        self.tree.nodes.push(Node { data, parent, first_child: NONE, last_child: NONE, next_sibling: NONE });
        let p = &mut self.tree.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.tree.nodes[last as usize].next_sibling = id;
        }
        id
    }

    /// Inserts a node just before `before`, in `before`'s parent.
    fn insert_before(&mut self, before: NodeId, data: Data) -> NodeId {
        let parent = self.tree.nodes[before as usize].parent;
        let id = self.tree.nodes.len() as NodeId;
        self.tree.nodes.push(Node { data, parent, first_child: NONE, last_child: NONE, next_sibling: before });
        let first = self.tree.nodes[parent as usize].first_child;
        if first == before {
            self.tree.nodes[parent as usize].first_child = id;
        } else {
            let mut c = first;
            while self.tree.nodes[c as usize].next_sibling != before {
                c = self.tree.nodes[c as usize].next_sibling;
            }
            self.tree.nodes[c as usize].next_sibling = id;
        }
        id
    }

    /// Where content goes that a table's structure cannot hold: before the
    /// innermost open table, or `None` when the current node is not part of a
    /// table's structure.
    fn foster_target(&self) -> Option<NodeId> {
        if !is_table_context(self.name(self.current())) {
            return None;
        }
        self.stack.iter().rev().copied().find(|&n| self.name(n) == "table")
    }

    /// Inserts a node where the current position puts it.
    fn insert(&mut self, data: Data, may_foster: bool) -> NodeId {
        match self.foster_target().filter(|_| may_foster) {
            Some(table) if self.tree.nodes[table as usize].parent != NONE => self.insert_before(table, data),
            _ => self.append(self.current(), data),
        }
    }

    /// Pops the open elements down to and including `at` (an index in the stack).
    fn pop_through(&mut self, at: usize) {
        self.stack.truncate(at);
    }

    /// The stack index of the innermost open element named `name`, searching no
    /// further than an element for which `stop` holds.
    fn find_open(&self, name: &str, stop: impl Fn(&str) -> bool) -> Option<usize> {
        for (i, &n) in self.stack.iter().enumerate().rev() {
            let here = self.name(n);
            if here == name {
                return Some(i);
            }
            if stop(here) {
                return None;
            }
        }
        None
    }

    fn close_p(&mut self) {
        if let Some(i) = self.find_open("p", |n| is_scope_boundary(n) || n == "button") {
            self.pop_through(i);
        }
    }

    fn leave_head(&mut self) {
        if let Some(head) = self.head.take() {
            if let Some(i) = self.stack.iter().position(|&n| n == head) {
                self.pop_through(i);
            }
        }
    }

    fn start_body(&mut self) {
        if !self.body_started {
            self.body_started = true;
            self.leave_head();
        }
    }

    /// The content of a raw text element, into that element.
    fn raw_text(&mut self, s: &str, decode: bool) {
        if s.is_empty() {
            return;
        }
        let start = self.tree.text.len() as u32;
        if decode {
            decode_references(s, &mut self.tree.text);
        } else {
            self.tree.text.push_str(s);
        }
        let end = self.tree.text.len() as u32;
        self.append(self.current(), Data::Text { start, end });
    }

    fn text(&mut self, s: &str, decode: bool) {
        if s.is_empty() {
            return;
        }
        self.started = true;
        let start = self.tree.text.len();
        if decode {
            decode_references(s, &mut self.tree.text);
        } else {
            self.tree.text.push_str(s);
        }
        let end = self.tree.text.len();
        let blank = self.tree.text[start..].bytes().all(|b| b.is_ascii_whitespace());
        if !blank {
            self.start_body();
        }
        let (start, end) = (start as u32, end as u32);
        // Text goes into the text node it follows, if any.
        let foster = if blank { None } else { self.foster_target() };
        let beside = match foster {
            Some(table) => self.previous_sibling(table),
            None => self.tree.nodes[self.current() as usize].last_child,
        };
        if beside != NONE {
            if let Data::Text { start: s0, end: e0 } = self.tree.nodes[beside as usize].data {
                let joined = if e0 == start {
                    (s0, end)
                } else {
                    // Not next to each other in the buffer: copy both to its end.
                    let both = [&self.tree.text[s0 as usize..e0 as usize], &self.tree.text[start as usize..end as usize]].concat();
                    let at = self.tree.text.len() as u32;
                    self.tree.text.push_str(&both);
                    (at, self.tree.text.len() as u32)
                };
                self.tree.nodes[beside as usize].data = Data::Text { start: joined.0, end: joined.1 };
                return;
            }
        }
        self.insert(Data::Text { start, end }, foster.is_some());
    }

    /// The node before `node` among its parent's children, or [`NONE`].
    fn previous_sibling(&self, node: NodeId) -> NodeId {
        let parent = self.tree.nodes[node as usize].parent;
        if parent == NONE {
            return NONE;
        }
        let mut prev = NONE;
        let mut c = self.tree.nodes[parent as usize].first_child;
        while c != node && c != NONE {
            prev = c;
            c = self.tree.nodes[c as usize].next_sibling;
        }
        prev
    }

    /// A comment, where the current position puts it.
    fn comment(&mut self) {
        self.started = true;
        let at = self.current();
        self.append(at, Data::Comment);
    }

    /// A doctype: only one before anything else counts.
    fn doctype(&mut self, decl: &str) {
        if !self.started {
            self.quirks = is_quirky_doctype(decl);
        }
        self.started = true;
    }

    /// The table part (table, section, row, cell, caption or column group) that
    /// the innermost open one is: it decides how table tags are read.
    fn table_mode(&self) -> Option<&str> {
        self.stack.iter().rev().map(|&n| self.name(n)).find(|n| {
            matches!(*n, "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup")
        })
    }

    /// Inside an open `<select>` only options count: the tags that cannot be
    /// in one close it. `true` when the tag is dealt with.
    fn in_select(&mut self, name: &str, start: bool) -> bool {
        let Some(i) = self.stack.iter().rposition(|&n| self.name(n) == "select") else {
            return false;
        };
        match name {
            "option" | "optgroup" | "script" | "template" | "style" => false,
            "select" => {
                self.pop_through(i);
                true
            }
            "input" | "keygen" | "textarea" if start => {
                self.pop_through(i);
                false
            }
            "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th" => {
                // They close a select in a table, and are dropped in any other.
                let in_table = self.stack[..i].iter().any(|&n| self.name(n) == "table");
                if in_table {
                    self.pop_through(i);
                }
                !in_table
            }
            _ => true, // ignored
        }
    }

    fn start_tag(&mut self, name: &str, attrs: Attrs) {
        self.started = true;
        if self.in_select(name, true) {
            return;
        }
        match name {
            "html" => return,
            "body" => {
                self.start_body();
                return;
            }
            "head" => {
                if self.head.is_none() && !self.body_started {
                    let head = self.append(self.current(), element("head", Attrs::default()));
                    self.stack.push(head);
                    self.head = Some(head);
                }
                return;
            }
            _ => {}
        }
        if !self.body_started {
            if is_head_element(name) {
                if self.head.is_none() {
                    let head = self.append(ROOT, element("head", Attrs::default()));
                    self.stack.push(head);
                    self.head = Some(head);
                }
            } else {
                self.start_body();
            }
        }
        match name {
            // Outside any table the tag is dropped (no later arm takes these names).
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup"
                if !self.open_table_part(name) =>
            {
                return;
            }
            "form" => {
                if self.form.is_some() {
                    return; // forms do not nest
                }
                if self.table_mode().is_some_and(is_table_context) {
                    // A form in a table's structure holds nothing.
                    self.append(self.current(), element("form", attrs));
                    return;
                }
                self.close_p();
            }
            "table" => {
                if self.table_mode().is_some_and(is_table_context) {
                    // A table straight inside a table ends the first one.
                    if let Some(i) = self.find_open("table", |n| n == "html") {
                        self.pop_through(i);
                    }
                } else if !self.quirks {
                    self.close_p();
                }
            }
            "col" => {
                if !self.open_table_part(name) {
                    return;
                }
                // A column outside a column group gets one.
                if self.name(self.current()) != "colgroup" {
                    self.open_implied("colgroup");
                }
            }
            "li" | "dd" | "dt" => {
                let siblings: &[&str] = if name == "li" { &["li"] } else { &["dd", "dt"] };
                for i in (0..self.stack.len()).rev() {
                    let here = self.name(self.stack[i]);
                    if siblings.contains(&here) {
                        self.pop_through(i);
                        break;
                    }
                    if is_special(here) && !matches!(here, "address" | "div" | "p") {
                        break;
                    }
                }
                self.close_p();
            }
            _ if is_heading(name) => {
                self.close_p();
                if is_heading(self.name(self.current())) {
                    self.stack.pop();
                }
            }
            _ if closes_p(name) => self.close_p(),
            "option" if self.name(self.current()) == "option" => {
                self.stack.pop();
            }
            _ => {}
        }
        let structural = matches!(name, "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup" | "col" | "table");
        let in_head = !self.body_started && self.head.is_some();
        let may_foster = !structural && !matches!(name, "script" | "style" | "template") && !in_head;
        let data = element(name, attrs);
        let id = if in_head { self.append(self.head.unwrap_or(ROOT), data) } else { self.insert(data, may_foster) };
        // Past the deepest nesting kept, an element opens nothing: what follows
        // goes beside it (unclosed tags would otherwise make every tag cost a
        // walk down thousands of open elements).
        if !is_void(name) && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
        if name == "form" {
            self.form = Some(id);
        }
    }

    /// Opens an element no tag stands for (the body of a table, the row of a
    /// cell).
    fn open_implied(&mut self, name: &str) {
        let id = self.append(self.current(), element(name, Attrs::default()));
        self.stack.push(id);
    }

    /// Closes what a new table part ends, and opens the row a cell needs.
    /// `false` when no table is open to take the part.
    fn open_table_part(&mut self, name: &str) -> bool {
        // The innermost open table part, its name as a constant (the stack changes below).
        let innermost = |b: &Builder| {
            b.stack.iter().enumerate().rev().find_map(|(i, &n)| {
                const PARTS: [&str; 9] = ["td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup", "table"];
                PARTS.iter().find(|&&p| p == b.name(n)).map(|&p| (i, p))
            })
        };
        let Some((mut i, mut here)) = innermost(self) else {
            return false;
        };
        // An open cell ends at the next cell, row or section.
        if matches!(here, "td" | "th" | "caption") || (here == "colgroup" && name != "col") {
            self.pop_through(i);
            let Some(part) = innermost(self) else {
                return false;
            };
            (i, here) = part;
        }
        match name {
            "td" | "th" => {
                self.stack.truncate(i + 1);
                if here == "table" {
                    self.open_implied("tbody");
                }
                if here != "tr" {
                    self.open_implied("tr");
                }
            }
            "tr" => {
                let at = if here == "tr" { i } else { i + 1 };
                self.stack.truncate(at);
                if here == "table" {
                    self.open_implied("tbody");
                }
            }
            "col" if here == "colgroup" => self.stack.truncate(i + 1),
            _ => {
                // A section, caption or column: back to the table.
                let Some(t) = self.stack.iter().rposition(|&n| self.name(n) == "table") else {
                    return false;
                };
                self.stack.truncate(t + 1);
            }
        }
        true
    }

    fn end_tag(&mut self, name: &str) {
        self.started = true;
        if self.in_select(name, false) {
            return;
        }
        match name {
            "form" => {
                // The form ends, the elements opened inside it stay open.
                if let Some(form) = self.form.take() {
                    if let Some(i) = self.stack.iter().rposition(|&n| n == form) {
                        self.stack.remove(i);
                    }
                }
            }
            "html" | "body" => {}
            "head" => self.leave_head(),
            "br" => {
                self.start_body();
                self.insert(element("br", Attrs::default()), true);
            }
            "p" => {
                if let Some(i) = self.find_open("p", |n| is_scope_boundary(n) || n == "button") {
                    self.pop_through(i);
                } else {
                    // A lone `</p>` stands for an empty paragraph.
                    self.start_body();
                    self.insert(element("p", Attrs::default()), true);
                }
            }
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                if let Some(i) = self.find_open(name, |n| n == "table" || n == "html") {
                    self.pop_through(i);
                }
            }
            "table" => {
                if let Some(i) = self.find_open("table", |n| n == "html") {
                    self.pop_through(i);
                }
            }
            _ if closes_p(name) || is_heading(name) => {
                let found = if is_heading(name) {
                    self.stack.iter().rposition(|&n| is_heading(self.name(n))).filter(|&i| {
                        !self.stack[i + 1..].iter().any(|&n| is_scope_boundary(self.name(n)))
                    })
                } else if name == "li" {
                    self.find_open(name, |n| is_scope_boundary(n) || n == "ul" || n == "ol")
                } else {
                    self.find_open(name, is_scope_boundary)
                };
                if let Some(i) = found {
                    self.pop_through(i);
                }
            }
            _ => {
                if let Some(i) = self.find_open(name, is_special) {
                    self.pop_through(i);
                }
            }
        }
    }
}

/// The attributes rendering reads.
#[derive(Clone, Copy, Debug, Default)]
struct Attrs {
    rowspan: Option<u8>,
    colspan: Option<u8>,
}

impl Attrs {
    fn set(&mut self, name: &str, value: &str) {
        let span = || Some(value.trim().parse::<usize>().map_or(1, |n| n.clamp(1, 64)) as u8);
        if name.eq_ignore_ascii_case("rowspan") && self.rowspan.is_none() {
            self.rowspan = span();
        } else if name.eq_ignore_ascii_case("colspan") && self.colspan.is_none() {
            self.colspan = span();
        }
    }
}

fn element(name: &str, attrs: Attrs) -> Data {
    Data::Element { name: name.into(), rowspan: attrs.rowspan.unwrap_or(1), colspan: attrs.colspan.unwrap_or(1) }
}

/// Position of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

/// Position of the byte `b` in `hay` at or after `from`.
fn find_byte(hay: &[u8], from: usize, b: u8) -> Option<usize> {
    memchr::memchr(b, hay.get(from..)?).map(|p| p + from)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Whether a doctype (the text after `<!DOCTYPE`) puts the page in quirks
/// mode: not `html`, or one of the old public identifiers that browsers render
/// the old way.
fn is_quirky_doctype(decl: &str) -> bool {
    let decl = decl.trim().to_ascii_lowercase();
    let mut words = decl.split_whitespace();
    if words.next() != Some("html") {
        return true;
    }
    let public = decl.split_once("public").map(|(_, rest)| rest.trim_start());
    let Some(public) = public else {
        return false;
    };
    let quoted: Vec<&str> = public.split(['"', '\'']).collect();
    let id = quoted.get(1).copied().unwrap_or("");
    let has_system = quoted.get(3).is_some_and(|s| !s.is_empty());
    const QUIRKY: &[&str] = &[
        "-//w3c//dtd html 4.0 transitional//",
        "-//w3c//dtd html 4.0 frameset//",
        "-//w3c//dtd html 3.2",
        "-//w3c//dtd html 3",
        "-//ietf//dtd html",
        "-//w3o//dtd w3 html strict 3.0//",
        "-//netscape comm. corp.//dtd html//",
        "-//microsoft//dtd internet explorer",
        "-//softquad",
        "-//spyglass//",
        "-//webtechs//",
    ];
    QUIRKY.iter().any(|q| id.starts_with(q))
        || (!has_system && (id.starts_with("-//w3c//dtd html 4.01 transitional//") || id.starts_with("-//w3c//dtd html 4.01 frameset//")))
}

/// Reads the markup, feeding text and tags to the builder.
fn tokenize(html: &str, b: &mut Builder) {
    let bytes = html.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut name = String::new();
    while i < n {
        let Some(lt) = find_byte(bytes, i, b'<') else {
            b.text(&html[i..], true);
            break;
        };
        b.text(&html[i..lt], true);
        i = lt;
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if bytes[i..].starts_with(b"<!--") {
            // A comment: `<!-->` and `<!--->` are empty ones.
            i = if bytes[i + 4..].starts_with(b">") {
                i + 5
            } else if bytes[i + 4..].starts_with(b"->") {
                i + 6
            } else {
                find(bytes, i + 4, b"-->").map_or(n, |e| e + 3)
            };
            b.comment();
        } else if next == b'!' || next == b'?' {
            // A doctype or a bogus comment.
            let end = find_byte(bytes, i, b'>').unwrap_or(n);
            let decl = &html[i + 2..end];
            // Compared as bytes: the declaration's eighth byte may fall inside a character.
            if decl.as_bytes().get(..7).is_some_and(|d| d.eq_ignore_ascii_case(b"doctype")) {
                b.doctype(&decl[7..]);
            } else {
                b.comment();
            }
            i = (end + 1).min(n);
        } else if next == b'/' {
            let after = bytes.get(i + 2).copied().unwrap_or(0);
            if after.is_ascii_alphabetic() {
                let (end, _) = read_tag(bytes, html, i + 2, &mut name);
                let Some(end) = end else { break };
                b.end_tag(&name);
                i = end;
            } else if after == b'>' {
                i += 3;
            } else {
                i = find_byte(bytes, i, b'>').map_or(n, |p| p + 1);
                b.comment();
            }
        } else if next.is_ascii_alphabetic() {
            let (end, attrs) = read_tag(bytes, html, i + 1, &mut name);
            let Some(end) = end else { break };
            i = end;
            b.start_tag(&name, attrs);
            if let Some(decode) = raw_text(&name) {
                // Raw text runs to its own end tag.
                let close = find_end_tag(bytes, i, &name);
                let content_end = close.unwrap_or(n);
                b.raw_text(&html[i..content_end], decode);
                b.end_tag(&name);
                i = match close {
                    Some(c) => find_byte(bytes, c, b'>').map_or(n, |p| p + 1),
                    None => n,
                };
            }
        } else {
            b.text("<", false);
            i += 1;
        }
    }
}

/// Where `</name` (followed by a space, `/` or `>`) starts, from `from` on.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let p = find(bytes, at, b"</")?;
        let rest = &bytes[p + 2..];
        if rest.len() >= name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && rest.get(name.len()).is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(p);
        }
        at = p + 2;
    }
}

/// Reads a tag from its name (at `start`) to its `>`: the position after it
/// (`None` when the markup ends inside the tag) and its attributes. A `/>`
/// changes nothing in HTML and is passed over. The lower-case name is left in
/// `name`.
fn read_tag(bytes: &[u8], html: &str, start: usize, name: &mut String) -> (Option<usize>, Attrs) {
    let n = bytes.len();
    let mut i = start;
    while i < n && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    name.clear();
    name.push_str(&html[start..i]);
    name.make_ascii_lowercase();
    let mut attrs = Attrs::default();
    loop {
        while i < n && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return (None, attrs);
        }
        if bytes[i] == b'>' {
            return (Some(i + 1), attrs);
        }
        let a = i;
        i += 1; // the first character may be `=`
        while i < n && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = &html[a..i];
        while i < n && is_space(bytes[i]) {
            i += 1;
        }
        if i < n && bytes[i] == b'=' {
            i += 1;
            while i < n && is_space(bytes[i]) {
                i += 1;
            }
            let (v0, v1);
            if i < n && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let q = bytes[i];
                v0 = i + 1;
                v1 = find_byte(bytes, v0, q).unwrap_or(n);
                i = (v1 + 1).min(n);
            } else {
                v0 = i;
                while i < n && !is_space(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
                v1 = i;
            }
            attrs.set(attr, &html[v0..v1]);
        }
    }
}

/// Named references a page may use without the closing `;`.
const LEGACY: &[(&str, char)] = &[
    ("nbsp", '\u{a0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("copy", '©'),
    ("reg", '®'),
    ("middot", '·'),
    ("times", '×'),
    ("divide", '÷'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("sect", '§'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("yen", '¥'),
];

/// Named references that need their `;`.
const NAMED: &[(&str, char)] = &[
    ("apos", '\''),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("bull", '•'),
    ("permil", '‰'),
    ("rarr", '→'),
    ("larr", '←'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("radic", '√'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("minus", '−'),
    ("lowast", '∗'),
    ("trade", '™'),
    ("euro", '€'),
    ("pound", '£'),
    ("cent", '¢'),
    ("shy", '\u{ad}'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("ordm", 'º'),
    ("ordf", 'ª'),
    ("para", '¶'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("loz", '◊'),
    ("square", '□'),
    ("check", '✓'),
    ("star", '☆'),
    ("starf", '★'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("Alpha", 'Α'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("sigma", 'σ'),
    ("omega", 'ω'),
];

/// What a numeric reference stands for (`&#147;` is the Windows-1252 quote it
/// meant, as browsers read it).
fn numeric_char(code: u32) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
        '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match code {
        0 => '\u{fffd}',
        0x80..=0x9f => C1[(code - 0x80) as usize],
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    }
}

/// Appends `s` to `out` with its character references decoded.
pub(super) fn decode_references(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(amp) = find_byte(bytes, i, b'&') {
        out.push_str(&s[i..amp]);
        let (c, len) = reference(&s[amp + 1..]);
        match c {
            Some(c) => {
                out.push(c);
                i = amp + 1 + len;
            }
            None => {
                out.push('&');
                i = amp + 1;
            }
        }
    }
    out.push_str(&s[i..]);
}

/// The character a reference (the text after its `&`) stands for, and how many
/// bytes of that text it takes.
fn reference(s: &str) -> (Option<char>, usize) {
    let bytes = s.as_bytes();
    if let Some(rest) = s.strip_prefix('#') {
        let (hex, digits) = match rest.as_bytes().first() {
            Some(b'x' | b'X') => (true, &rest[1..]),
            _ => (false, rest),
        };
        let len = digits.bytes().take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() }).count();
        if len == 0 {
            return (None, 0);
        }
        let code = u32::from_str_radix(&digits[..len.min(8)], if hex { 16 } else { 10 }).unwrap_or(0x110000);
        let used = 1 + usize::from(hex) + len;
        let semi = usize::from(bytes.get(used) == Some(&b';'));
        return (Some(numeric_char(code)), used + semi);
    }
    let len = bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let word = &s[..len];
    if bytes.get(len) == Some(&b';') {
        if let Some(&(_, c)) = LEGACY.iter().chain(NAMED).find(|(n, _)| *n == word) {
            return (Some(c), len + 1);
        }
    }
    // A legacy name may stand without `;`, even with letters after it.
    match LEGACY.iter().filter(|(n, _)| word.starts_with(n)).max_by_key(|(n, _)| n.len()) {
        Some(&(n, c)) => (Some(c), n.len()),
        None => (None, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `name(children)` with text in quotes, for comparing shapes.
    fn shape(t: &Tree, id: NodeId) -> String {
        let inner: Vec<String> = t
            .children(id)
            .map(|c| match (t.text(c), t.name(c)) {
                (Some(s), _) => format!("{s:?}"),
                (None, Some(_)) => shape(t, c),
                (None, None) => "!".to_string(),
            })
            .collect();
        format!("{}({})", t.name(id).unwrap_or("#"), inner.join(" "))
    }

    fn parsed(html: &str) -> String {
        let t = Tree::parse(html);
        shape(&t, ROOT)
    }

    #[test]
    fn nesting_stops_at_the_deepest_kept_and_the_text_stays() {
        let n = 3 * MAX_DEPTH;
        let html = format!("{}一、总体情况{}<p>二、主动公开</p>", "<div>".repeat(n), "</div>".repeat(n));
        let t = Tree::parse(&html);
        let depth = |mut id: NodeId| {
            let mut d = 0;
            while t.nodes[id as usize].parent != NONE {
                id = t.nodes[id as usize].parent;
                d += 1;
            }
            d
        };
        let deepest = (0..t.nodes.len() as NodeId).map(depth).max().unwrap();
        assert!(deepest <= MAX_DEPTH + 1, "{deepest}");
        let text = t.text_content(ROOT);
        assert!(text.contains("一、总体情况") && text.ends_with("二、主动公开"), "{text}");
    }

    #[test]
    fn head_and_body_kept_apart() {
        assert_eq!(
            parsed("<!DOCTYPE html><html><head><title>T &amp; U</title><script>if (a<b) x();</script></head><body><p>x</p></body></html>"),
            r#"#(head(title("T & U") script("if (a<b) x();")) p("x"))"#
        );
        // No head tag: the title still goes to the head; text starts the body.
        assert_eq!(parsed("<title>T</title>text<title>late</title>"), r#"#(head(title("T")) "text" title("late"))"#);
    }

    #[test]
    fn omitted_end_tags() {
        assert_eq!(parsed("<p>a<p>b<div>c</div>"), r#"#(p("a") p("b") div("c"))"#);
        assert_eq!(parsed("<ul><li>a<li>b</ul>"), r#"#(ul(li("a") li("b")))"#);
        assert_eq!(
            parsed("<table><tr><td>a<td>b<tr><th>c</table>"),
            r#"#(table(tbody(tr(td("a") td("b")) tr(th("c")))))"#
        );
        // A cell without a row gets one; a cell outside a table is no cell.
        assert_eq!(parsed("<table><td>a</table><td>b"), r#"#(table(tbody(tr(td("a")))) "b")"#);
        assert_eq!(parsed("<table><td>a</tbody>b"), r#"#("b" table(tbody(tr(td("a")))))"#);
    }

    #[test]
    fn misplaced_table_content_moves_before_the_table() {
        assert_eq!(
            parsed("<div><table>note<tr><td>1</td></tr><p>x</p></table></div>"),
            r#"#(div("note" p("x") table(tbody(tr(td("1"))))))"#
        );
        // Blank text between cells stays where it is.
        assert_eq!(parsed("<table>\n<tr> <td>1</td> </tr></table>"), "#(table(\"\\n\" tbody(tr(\" \" td(\"1\") \" \"))))");
    }

    #[test]
    fn stray_end_tags_and_nesting() {
        assert_eq!(parsed("<div>a</span>b</div>"), r#"#(div("ab"))"#);
        assert_eq!(parsed("<table><tr><td><div>a</td><td>b</td></tr></table>"), r#"#(table(tbody(tr(td(div("a")) td("b")))))"#);
        assert_eq!(parsed("<li>a<ul></li>b"), r#"#(li("a" ul("b")))"#);
        assert_eq!(parsed("a</p>b"), r#"#("a" p() "b")"#);
        assert_eq!(
            parsed("<table><tr><td>x</td></tr><table><tr><td>y"),
            r#"#(table(tbody(tr(td("x")))) table(tbody(tr(td("y")))))"#
        );
    }

    #[test]
    fn comments_doctypes_and_odd_angle_brackets() {
        assert_eq!(parsed("<!-- a -->x<!---->y<!-->z<?php ?>1 < 2 <3"), r#"#(! "x" ! "y" ! "z" ! "1 < 2 <3")"#);
        assert_eq!(parsed("<p>a<!-- unterminated"), r#"#(p("a" !))"#);
        // Text either side of a dropped tag is one text.
        assert_eq!(parsed("a</span>b"), r#"#("ab")"#);
    }

    #[test]
    fn character_references() {
        let t = Tree::parse("a&nbsp;b&amp;c&lt;&#20013;&#x6587;&#147;&copy2024&unknown;&");
        assert_eq!(t.text_content(ROOT), "a\u{a0}b&c<中文“©2024&unknown;&");
    }

    #[test]
    fn spans_and_attributes() {
        let t = Tree::parse("<table><tr><TD ROWSPAN='2' colspan=3 rowspan=5>x</td><td colspan=\"abc\">y</td></tr></table>");
        let cells: Vec<_> = t.elements_named("td").map(|c| t.spans(c)).collect();
        assert_eq!(cells, vec![(2, 3), (1, 1)]);
    }

    #[test]
    fn unterminated_markup_ends_cleanly() {
        for page in ["<p", "<p class=\"x", "</div", "<script>never closed", "<table><tr><td", "&#", "<"] {
            let _ = Tree::parse(page);
        }
        assert_eq!(parsed("<style>p{}</style >after"), r#"#(head(style("p{}")) "after")"#);
    }
}
