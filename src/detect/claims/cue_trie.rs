//! The claim cue phrases as a byte trie, walked from each token start.
//!
//! Every cue starts where a token starts (`hits::find_hits` keeps no other
//! match), so the phrases need no automaton that scans every byte of the
//! text: a walk from each token start finds every phrase that begins there.
//! This replaced an aho-corasick automaton (issue 21: aho-corasick and
//! memchr were about 20 KB of the gzipped wasm) with the same matches:
//! phrases compared byte for byte with ASCII letters folded (so a cue
//! starting with "É" is also stored capitalised, as it was for the
//! automaton), and at one start the shorter phrase first, then phrases
//! equal but for ASCII case in the order they were added.

/// One trie node: its children by byte (sorted) and the phrases ending here.
#[derive(Debug, Default)]
struct Node {
    children: Vec<(u8, u32)>,
    phrases: Vec<u32>,
}

/// Phrases of ASCII-case-insensitive bytes, identified by their insertion
/// index.
#[derive(Debug)]
pub(crate) struct CueTrie {
    nodes: Vec<Node>,
    /// The root's children by byte (0: none), so that the step every token
    /// start takes is one index; deeper nodes have a few children each.
    root: Box<[u32; 256]>,
}

impl CueTrie {
    /// A trie of `phrases`; phrase `i` is reported as `i`.
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> CueTrie {
        let mut trie = CueTrie { nodes: vec![Node::default()], root: Box::new([0; 256]) };
        for (id, phrase) in phrases.iter().enumerate() {
            let mut node = 0;
            for &b in phrase.as_ref().as_bytes() {
                node = trie.child_or_insert(node, b.to_ascii_lowercase());
            }
            trie.nodes[node].phrases.push(id as u32);
        }
        for &(b, child) in &trie.nodes[0].children {
            trie.root[usize::from(b)] = child;
        }
        trie
    }

    fn child(&self, node: usize, b: u8) -> Option<usize> {
        if node == 0 {
            let child = self.root[usize::from(b)];
            return (child != 0).then_some(child as usize);
        }
        self.nodes[node].children.iter().find(|&&(k, _)| k == b).map(|&(_, child)| child as usize)
    }

    fn child_or_insert(&mut self, node: usize, b: u8) -> usize {
        match self.nodes[node].children.binary_search_by_key(&b, |&(k, _)| k) {
            Ok(i) => self.nodes[node].children[i].1 as usize,
            Err(i) => {
                let next = self.nodes.len();
                self.nodes.push(Node::default());
                self.nodes[node].children.insert(i, (b, next as u32));
                next
            }
        }
    }

    /// Calls `found(phrase, end)` for every phrase that `text` holds at
    /// byte `start`, shortest first.
    pub fn matches_at(&self, text: &str, start: usize, mut found: impl FnMut(usize, usize)) {
        let mut node = 0;
        for (i, &b) in text.as_bytes()[start..].iter().enumerate() {
            let Some(next) = self.child(node, b.to_ascii_lowercase()) else { return };
            node = next;
            for &id in &self.nodes[node].phrases {
                found(id as usize, start + i + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CueTrie;

    fn all(trie: &CueTrie, text: &str, start: usize) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        trie.matches_at(text, start, |id, end| v.push((id, end)));
        v
    }

    #[test]
    fn finds_every_phrase_at_a_start_shortest_first() {
        let trie = CueTrie::new(&["selon", "sel", "according to", "ACCORDING", "été", "Été"]);
        assert_eq!(all(&trie, "Selon lui", 0), vec![(1, 3), (0, 5)]);
        assert_eq!(all(&trie, "according to them", 0), vec![(3, 9), (2, 12)]);
        // Only ASCII letters fold: "ÉTÉ" is neither "été" nor "Été".
        assert_eq!(all(&trie, "x été", 2), vec![(4, 7)]);
        assert_eq!(all(&trie, "Été", 0), vec![(5, 5)]);
        assert!(all(&trie, "ÉTÉ", 0).is_empty());
        assert!(all(&trie, "x selon", 0).is_empty());
        assert!(all(&trie, "", 0).is_empty());
    }
}
