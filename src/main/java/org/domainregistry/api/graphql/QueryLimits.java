package org.domainregistry.api.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.ExecutionResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.domainregistry.registry.DomainError;

/**
 * What one GraphQL request may ask for (README "Security"): depth, complexity (one point per
 * field), aliases, and the size of an unpaged list. A refused query runs nothing and gets the
 * error code {@code query_too_complex} (the instrumentations abort before execution; the HTTP
 * status is 400 like any request refused before running).
 */
final class QueryLimits {
  /** Deepest selection; the schema itself needs 3 (category, field, subfield). */
  static final int MAX_DEPTH = 15;
  /** Most fields in one request, each counted once. */
  static final int MAX_COMPLEXITY = 300;
  /** Most aliased fields in one request: aliases are how one request repeats a mutation. */
  static final int MAX_ALIASES = 15;
  /** Most items an unpaged list answers; beyond it the client must page with limit and cursor. */
  static final int MAX_UNPAGED_ITEMS = 50_000;

  private QueryLimits() {}

  /** The instrumentations enforcing the limits, to chain before any other. */
  static List<Instrumentation> instrumentations() {
    return List.of(new MaxQueryDepthInstrumentation(MAX_DEPTH), new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY),
        new AliasLimit());
  }

  /** {@code items} when there are at most {@link #MAX_UNPAGED_ITEMS}, else a refusal saying to page. */
  static <T> List<T> unpaged(List<T> items) {
    if (items.size() > MAX_UNPAGED_ITEMS) {
      throw DomainError.QUERY_TOO_COMPLEX.exception("More than " + MAX_UNPAGED_ITEMS
          + " items: ask for pages with limit and cursor");
    }
    return items;
  }

  /** Refuses a document with more than {@link #MAX_ALIASES} aliased fields, fragments included. */
  private static final class AliasLimit extends SimplePerformantInstrumentation {
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
        InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
      AtomicInteger aliases = new AtomicInteger();
      new NodeTraverser().preOrder(new NodeVisitorStub() {
        @Override
        public TraversalControl visitField(Field node, TraverserContext<Node> context) {
          if (node.getAlias() != null && aliases.incrementAndGet() > MAX_ALIASES) {
            return TraversalControl.QUIT;
          }
          return TraversalControl.CONTINUE;
        }
      }, parameters.getExecutionContext().getDocument());
      if (aliases.get() > MAX_ALIASES) {
        throw new AbortExecutionException("More than " + MAX_ALIASES + " aliased fields in one request");
      }
      return super.beginExecuteOperation(parameters, state);
    }
  }
}
