//! Maps offsets of text joined from DOM text nodes back to the nodes.
