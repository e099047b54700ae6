// The `typescript` namespace itself: its types and its values (typescript-cjs.js loads it).
import ts from 'typescript';
export default ts;
