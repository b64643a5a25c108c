package dev.kplan.lang.syntax;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The children of a parse-tree context. Most contexts have one or two children: those are held in
 * fields, so such a context needs no array (an {@code ArrayList} of two takes 48 bytes, this 32).
 */
final class ChildList extends AbstractList<ParseTree> implements RandomAccess {
  private ParseTree first;
  private ParseTree second;
  private ParseTree[] more; // children from the third on
  private int size;

  @Override
  public ParseTree get(int index) {
    Objects.checkIndex(index, size);
    return index == 0 ? first : index == 1 ? second : more[index - 2];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean add(ParseTree child) {
    if (size == 0) {
      first = child;
    } else if (size == 1) {
      second = child;
    } else {
      int at = size - 2;
      if (more == null) {
        more = new ParseTree[4];
      } else if (at == more.length) {
        more = Arrays.copyOf(more, at * 2);
      }
      more[at] = child;
    }
    size++;
    modCount++;
    return true;
  }

  @Override
  public ParseTree set(int index, ParseTree child) {
    ParseTree old = get(index);
    if (index == 0) {
      first = child;
    } else if (index == 1) {
      second = child;
    } else {
      more[index - 2] = child;
    }
    return old;
  }

  @Override
  public ParseTree remove(int index) {
    ParseTree old = get(index);
    for (int i = index; i < size - 1; i++) {
      set(i, get(i + 1));
    }
    set(size - 1, null);
    size--;
    modCount++;
    return old;
  }

  @Override
  public void clear() {
    first = null;
    second = null;
    more = null;
    size = 0;
    modCount++;
  }
}
