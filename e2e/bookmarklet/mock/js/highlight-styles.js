// Test double (see ../README.md).
export default "::highlight(annot-entity) { background-color: #ffe08a; color: #000; }";
