package sa.mustafeed.receipts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sa.mustafeed.localenv.SamTemplate;
import sa.mustafeed.testing.RepositoryRoot;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The function's table statements in template.yaml, evaluated against each DynamoDB call the code
 * really makes (recorded by an SDK interceptor), the way IAM evaluates them: per item of a
 * transaction, {@code dynamodb:LeadingKeys} against the partition key, {@code dynamodb:Attributes}
 * against every top-level attribute the call names (key, update and condition expressions: a superset
 * of what IAM counts, so a call allowed here is allowed there), {@code dynamodb:ReturnValues} when the
 * call sets it. A condition this class cannot read fails the evaluation rather than passing it.
 */
final class TablePolicy implements ExecutionInterceptor {
    /** One item action as IAM sees it. */
    record Call(String action, String partitionKey, Set<String> attributes, String returnValues) {}

    private static final Set<String> WORDS = Set.of(
            "SET",
            "REMOVE",
            "ADD",
            "DELETE",
            "AND",
            "OR",
            "NOT",
            "BETWEEN",
            "IN",
            "attribute_exists",
            "attribute_not_exists",
            "attribute_type",
            "begins_with",
            "contains",
            "size",
            "if_not_exists",
            "list_append");
    private static final Pattern NAME = Pattern.compile("[:#]?[A-Za-z_][A-Za-z0-9_]*");

    private final List<Map<String, Object>> statements;
    private final List<Call> calls = new ArrayList<>();

    private TablePolicy(List<Map<String, Object>> statements) {
        this.statements = statements;
    }

    @SuppressWarnings("unchecked")
    static TablePolicy of(String function) throws IOException {
        SamTemplate template = SamTemplate.read(RepositoryRoot.resolve("template.yaml"));
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : (List<Object>) template.properties(function).get("Policies")) {
            for (Object s : (List<Object>) ((Map<String, Object>) policy).get("Statement")) {
                statements.add((Map<String, Object>) s);
            }
        }
        return new TablePolicy(statements);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        switch (request) {
            case GetItemRequest get ->
                calls.add(new Call("dynamodb:GetItem", pk(get.key()), keyNames(get.key()), null));
            case UpdateItemRequest update -> {
                Set<String> names = keyNames(update.key());
                names.addAll(expressionNames(update.updateExpression(), update.expressionAttributeNames()));
                names.addAll(expressionNames(update.conditionExpression(), update.expressionAttributeNames()));
                calls.add(new Call("dynamodb:UpdateItem", pk(update.key()), names, update.returnValuesAsString()));
            }
            case TransactWriteItemsRequest transaction -> {
                for (TransactWriteItem item : transaction.transactItems()) {
                    if (item.update() != null) {
                        var u = item.update();
                        Set<String> names = keyNames(u.key());
                        names.addAll(expressionNames(u.updateExpression(), u.expressionAttributeNames()));
                        names.addAll(expressionNames(u.conditionExpression(), u.expressionAttributeNames()));
                        calls.add(new Call("dynamodb:UpdateItem", pk(u.key()), names, null));
                    } else if (item.put() != null) {
                        calls.add(new Call(
                                "dynamodb:PutItem",
                                pk(item.put().item()),
                                item.put().item().keySet(),
                                null));
                    } else if (item.delete() != null) {
                        calls.add(
                                new Call("dynamodb:DeleteItem", pk(item.delete().key()), Set.of(), null));
                    } else {
                        calls.add(new Call(
                                "dynamodb:ConditionCheckItem",
                                pk(item.conditionCheck().key()),
                                Set.of(),
                                null));
                    }
                }
            }
            default ->
                calls.add(new Call(
                        "dynamodb:" + request.getClass().getSimpleName().replace("Request", ""), "", Set.of(), null));
        }
    }

    /** The statement ids that allow the call; empty means IAM would deny it. */
    List<String> allowing(Call call) {
        List<String> sids = new ArrayList<>();
        for (Map<String, Object> statement : statements) {
            Object action = statement.get("Action");
            List<?> actions = action instanceof List<?> l ? l : List.of(action);
            if (actions.contains(call.action()) && conditionsHold(statement, call)) {
                sids.add(String.valueOf(statement.get("Sid")));
            }
        }
        return sids;
    }

    @SuppressWarnings("unchecked")
    private static boolean conditionsHold(Map<String, Object> statement, Call call) {
        Map<String, Object> conditions = (Map<String, Object>) statement.getOrDefault("Condition", Map.of());
        for (Map.Entry<String, Object> operator : conditions.entrySet()) {
            for (Map.Entry<String, Object> key : ((Map<String, Object>) operator.getValue()).entrySet()) {
                List<String> values = ((List<Object>) key.getValue())
                        .stream().map(String::valueOf).toList();
                boolean holds = switch (operator.getKey() + " " + key.getKey()) {
                    case "ForAllValues:StringLike dynamodb:LeadingKeys" ->
                        values.stream().anyMatch(v -> call.partitionKey().matches(glob(v)));
                    case "ForAllValues:StringEquals dynamodb:Attributes" -> values.containsAll(call.attributes());
                    case "StringEqualsIfExists dynamodb:ReturnValues" ->
                        call.returnValues() == null || values.contains(call.returnValues());
                    default ->
                        throw new IllegalStateException("cannot evaluate " + operator.getKey() + " " + key.getKey());
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String glob(String pattern) {
        return Pattern.quote(pattern).replace("*", "\\E.*\\Q");
    }

    private static String pk(Map<String, AttributeValue> key) {
        return key.get("PK").s();
    }

    private static Set<String> keyNames(Map<String, AttributeValue> key) {
        return new LinkedHashSet<>(key.keySet());
    }

    /** The top-level attribute names an expression reads or writes ({@code #n} resolved, values and nested paths skipped). */
    static Set<String> expressionNames(String expression, Map<String, String> names) {
        Set<String> out = new LinkedHashSet<>();
        if (expression == null) {
            return out;
        }
        Matcher m = NAME.matcher(expression);
        while (m.find()) {
            String token = m.group();
            boolean nested = m.start() > 0 && expression.charAt(m.start() - 1) == '.';
            if (token.startsWith(":") || nested || WORDS.contains(token)) {
                continue;
            }
            out.add(token.startsWith("#") ? names.get(token) : token);
        }
        return out;
    }
}
