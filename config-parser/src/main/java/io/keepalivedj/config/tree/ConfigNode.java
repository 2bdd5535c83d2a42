package io.keepalivedj.config.tree;

import io.keepalivedj.config.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of keepalived.conf as a tree node: the first word (the keyword, or for list blocks such
 * as {@code virtual_ipaddress} the item itself), the remaining words, and, when the line opened a
 * block with {@code {}, the lines inside it. Unknown keywords are nodes like any other, so nothing
 * in a file is lost even when no binder understands it.
 *
 * @param keyword the first word
 * @param args the words after it, without the braces
 * @param children the lines of its block, empty when there is no block or the block is empty
 * @param block whether the line opened a block ({@code keyword {...}}), even an empty one
 */
public record ConfigNode(Token keyword, List<Token> args, List<ConfigNode> children, boolean block) {

  public ConfigNode {
    Objects.requireNonNull(keyword, "keyword");
    args = List.copyOf(args);
    children = List.copyOf(children);
    if (!block && !children.isEmpty()) {
      throw new IllegalArgumentException("children without a block: " + keyword);
    }
  }

  public static ConfigNode leaf(Token keyword, List<Token> args) {
    return new ConfigNode(keyword, args, List.of(), false);
  }

  public static ConfigNode block(Token keyword, List<Token> args, List<ConfigNode> children) {
    return new ConfigNode(keyword, args, children, true);
  }

  /** The keyword's text. */
  public String name() {
    return keyword.text();
  }

  /** Where the line starts. */
  public SourcePosition position() {
    return keyword.position();
  }

  public int argCount() {
    return args.size();
  }

  /** The text of argument {@code index} (0 is the first word after the keyword), if present. */
  public Optional<String> arg(int index) {
    return index < args.size() ? Optional.of(args.get(index).text()) : Optional.empty();
  }

  /** The arguments' texts. */
  public List<String> argTexts() {
    return args.stream().map(Token::text).collect(Collectors.toUnmodifiableList());
  }

  /** The whole line as written (keyword and arguments joined by one space), for messages. */
  public String lineText() {
    if (args.isEmpty()) {
      return keyword.text();
    }
    return keyword.text() + " " + String.join(" ", argTexts());
  }

  @Override
  public String toString() {
    return lineText() + (block ? " {" + children.size() + "}" : "") + " @" + position();
  }
}
