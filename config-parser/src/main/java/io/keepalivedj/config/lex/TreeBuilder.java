package io.keepalivedj.config.lex;

import io.keepalivedj.config.DiagnosticCollector;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.ConfigTree;
import io.keepalivedj.config.tree.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Nests token lines into a block tree by their braces, whatever the keywords: {@code {} at the end
 * of a line opens a block for that line, {@code {} first on the next line opens one for the line
 * before (comments and blank lines may come between), {@code }} closes the innermost block
 * wherever it is, and words between braces on one line are lines of their own, as keepalived
 * splits a line at every brace ({@code virtual_ipaddress { 192.0.2.1 }}).
 */
final class TreeBuilder {
  private final DiagnosticCollector diagnostics;
  private final List<NodeBuilder> roots = new ArrayList<>();
  private final Deque<Frame> open = new ArrayDeque<>();
  /** The last line read, when it was a plain line that a '{' on the next line may open. */
  private NodeBuilder awaitingBlock;

  TreeBuilder(DiagnosticCollector diagnostics) {
    this.diagnostics = diagnostics;
  }

  private static final class NodeBuilder {
    final Token keyword;
    final List<Token> args;
    final List<NodeBuilder> children = new ArrayList<>();
    boolean block;

    String lineText() {
      StringBuilder sb = new StringBuilder(keyword.text());
      args.forEach(a -> sb.append(' ').append(a.text()));
      return sb.toString();
    }

    NodeBuilder(List<Token> words) {
      this.keyword = words.get(0);
      this.args = List.copyOf(words.subList(1, words.size()));
    }

    ConfigNode build() {
      List<ConfigNode> built = new ArrayList<>(children.size());
      for (NodeBuilder child : children) {
        built.add(child.build());
      }
      return new ConfigNode(keyword, args, built, block);
    }
  }

  /**
   * An open block: the node it belongs to (null for a '{' without a line, whose contents stay at
   * the enclosing level) and where its lines go.
   */
  private record Frame(NodeBuilder owner, Token brace, List<NodeBuilder> children) {}

  private List<NodeBuilder> level() {
    return open.isEmpty() ? roots : open.peek().children();
  }

  /** Adds one logical line. */
  void line(List<Tokenizer.Word> tokens) {
    List<Token> words = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i).token();
      if (!tokens.get(i).brace()) {
        words.add(token);
      } else if (token.text().equals("{")) {
        openBlock(words, token, i == 0);
        words.clear();
      } else {
        flush(words);
        words.clear();
        awaitingBlock = null;
        closeBlock(token);
      }
    }
    if (!words.isEmpty()) {
      awaitingBlock = flush(words);
    } else if (!tokens.isEmpty()) {
      awaitingBlock = null;
    }
  }

  private void openBlock(List<Token> words, Token brace, boolean firstOnLine) {
    if (!words.isEmpty()) {
      NodeBuilder node = new NodeBuilder(words);
      node.block = true;
      level().add(node);
      open.push(new Frame(node, brace, node.children));
    } else if (firstOnLine && awaitingBlock != null) {
      awaitingBlock.block = true;
      open.push(new Frame(awaitingBlock, brace, awaitingBlock.children));
    } else {
      // keepalived 2.2.7: "Unexpected '{' - ignoring", and -t fails. Its contents stay at this level.
      diagnostics.error(brace.position(), "unexpected '{' with no keyword before it", "{", "a keyword before '{'");
      open.push(new Frame(null, brace, level()));
    }
    awaitingBlock = null;
  }

  private void closeBlock(Token brace) {
    if (open.isEmpty()) {
      // keepalived 2.2.7: "Extra '}' found", -t exits 5.
      diagnostics.error(brace.position(), "extra '}'", "}", "");
      return;
    }
    open.pop();
  }

  private NodeBuilder flush(List<Token> words) {
    if (words.isEmpty()) {
      return null;
    }
    NodeBuilder node = new NodeBuilder(words);
    level().add(node);
    return node;
  }

  /** The tree; every block still open is reported, outermost first, and closed here. */
  ConfigTree finish() {
    Iterator<Frame> outermostFirst = open.descendingIterator();
    while (outermostFirst.hasNext()) {
      Frame frame = outermostFirst.next();
      // keepalived 2.2.7: "There are 1 missing '}'s or extra '{'s" (no line), -t exits 5.
      if (frame.owner() == null) {
        diagnostics.error(frame.brace().position(), "missing '}': the '{' on line " + frame.brace().position().line()
            + " is never closed", "{", "'}'");
      } else {
        NodeBuilder owner = frame.owner();
        String lineText = owner.lineText();
        diagnostics.error(owner.keyword.position(), "missing '}': block '" + lineText + "' opened on line "
            + frame.brace().position().line() + " is never closed", lineText, "'}'");
      }
    }
    open.clear();
    List<ConfigNode> built = new ArrayList<>(roots.size());
    for (NodeBuilder root : roots) {
      built.add(root.build());
    }
    return new ConfigTree(built);
  }
}
