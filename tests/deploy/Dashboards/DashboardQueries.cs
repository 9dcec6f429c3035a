using System.Text.Json;
using System.Text.RegularExpressions;

namespace Trading.Deploy.Tests.Dashboards;

/// <summary>
/// The Prometheus queries of the Grafana dashboards and the metric names they read. A dashboard that queries a name no
/// service exports shows an empty panel and fails nowhere, so tests compare these names with what is really exported.
/// Only the base class library is used, so the file can be linked into any test project.
/// </summary>
public static partial class DashboardQueries
{
    // PromQL keywords, aggregation operators and number literals that look like identifiers. Keywords are
    // case-insensitive in PromQL. Functions need no list: they are the identifiers followed by '('.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "atan2",
        "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
        "limitk", "limit_ratio", "start", "end", "inf", "nan",
    };

    /// <summary>The dashboard files, deploy/grafana/dashboards/*.json, in name order.</summary>
    public static IReadOnlyList<string> Files(string repositoryRoot) =>
        [.. Directory.GetFiles(Path.Combine(repositoryRoot, "deploy", "grafana", "dashboards"), "*.json").Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every Prometheus expression of a dashboard: the <c>expr</c> of each panel target (rows' nested panels included)
    /// and each query variable. Targets of other data sources (Tempo, Loki) are left out. Grafana's variable functions are
    /// reduced to the PromQL they wrap: <c>label_values(m{a="b"}, label)</c> gives <c>m{a="b"}</c>,
    /// <c>query_result(expr)</c> gives <c>expr</c>; <c>label_values(label)</c>, <c>label_names()</c> and <c>metrics(re)</c>
    /// read no metric and give nothing.
    /// </summary>
    public static IReadOnlyList<string> Expressions(JsonDocument dashboard)
    {
        var expressions = new List<string>();
        var root = dashboard.RootElement;
        if (root.TryGetProperty("panels", out var panels))
        {
            CollectPanels(panels, expressions);
        }

        if (root.TryGetProperty("templating", out var templating) && templating.TryGetProperty("list", out var variables)
            && variables.ValueKind == JsonValueKind.Array)
        {
            foreach (var variable in variables.EnumerateArray())
            {
                CollectVariable(variable, expressions);
            }
        }

        return expressions;
    }

    /// <summary>
    /// The metric names a PromQL expression reads. String literals, comments, label matchers, range and subquery
    /// durations, Grafana variables and grouping label lists are removed; of the identifiers left, functions (followed by
    /// '('), keywords and numbers are dropped, and the rest are metric names. A name given as
    /// <c>{__name__="x"}</c> counts too.
    /// </summary>
    public static IReadOnlySet<string> MetricNames(string promql)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in NameMatcher().Matches(promql))
        {
            names.Add(match.Groups["name"].Value);
        }

        var text = StringLiteral().Replace(promql, " ");
        text = Comment().Replace(text, " ");
        text = GrafanaVariable().Replace(text, " ");
        text = LabelMatchers().Replace(text, " ");
        text = RangeOrSubquery().Replace(text, " ");
        text = GroupingLabels().Replace(text, " ");

        foreach (Match token in Token().Matches(text))
        {
            var name = token.Groups["name"];
            if (!name.Success || Keywords.Contains(name.Value) || IsFollowedByParenthesis(text, token.Index + token.Length))
            {
                continue;
            }

            names.Add(name.Value);
        }

        return names;
    }

    /// <summary>Every metric name that any dashboard in the repository queries.</summary>
    public static IReadOnlySet<string> AllMetricNames(string repositoryRoot)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files(repositoryRoot))
        {
            using var dashboard = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var expression in Expressions(dashboard))
            {
                names.UnionWith(MetricNames(expression));
            }
        }

        return names;
    }

    private static void CollectPanels(JsonElement panels, List<string> expressions)
    {
        if (panels.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var panel in panels.EnumerateArray())
        {
            var panelIsPrometheus = IsPrometheus(panel);
            if (panel.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Array)
            {
                foreach (var target in targets.EnumerateArray())
                {
                    var targetIsPrometheus = target.TryGetProperty("datasource", out _) ? IsPrometheus(target) : panelIsPrometheus;
                    if (targetIsPrometheus && target.TryGetProperty("expr", out var expr) && expr.ValueKind == JsonValueKind.String
                        && !string.IsNullOrWhiteSpace(expr.GetString()))
                    {
                        expressions.Add(expr.GetString()!);
                    }
                }
            }

            if (panel.TryGetProperty("panels", out var nested))
            {
                CollectPanels(nested, expressions);
            }
        }
    }

    private static void CollectVariable(JsonElement variable, List<string> expressions)
    {
        if (!variable.TryGetProperty("type", out var type) || type.GetString() != "query" || !IsPrometheus(variable)
            || !variable.TryGetProperty("query", out var query))
        {
            return;
        }

        var text = query.ValueKind switch
        {
            JsonValueKind.String => query.GetString(),
            JsonValueKind.Object when query.TryGetProperty("query", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var function = VariableFunction().Match(text);
        if (!function.Success)
        {
            expressions.Add(text);
            return;
        }

        var body = function.Groups["body"].Value;
        switch (function.Groups["function"].Value)
        {
            case "query_result":
                expressions.Add(body);
                break;
            case "label_values" when LastTopLevelComma(body) is var comma and >= 0:
                expressions.Add(body[..comma]);
                break;
        }
    }

    // A node without a data source reads the dashboard's default, which is Prometheus here; one naming another type does not.
    private static bool IsPrometheus(JsonElement node) =>
        !node.TryGetProperty("datasource", out var datasource)
        || datasource.ValueKind != JsonValueKind.Object
        || !datasource.TryGetProperty("type", out var type)
        || type.GetString() == "prometheus";

    private static int LastTopLevelComma(string text)
    {
        var depth = 0;
        var last = -1;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' or '`')
            {
                quote = c;
            }
            else if (c is '(' or '{' or '[')
            {
                depth++;
            }
            else if (c is ')' or '}' or ']')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                last = i;
            }
        }

        return last;
    }

    private static bool IsFollowedByParenthesis(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index < text.Length && text[index] == '(';
    }

    [GeneratedRegex("""__name__\s*=\s*(["'])(?<name>[A-Za-z_:][A-Za-z0-9_:]*)\1""")]
    private static partial Regex NameMatcher();

    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`
        """)]
    private static partial Regex StringLiteral();

    [GeneratedRegex("#[^\n]*")]
    private static partial Regex Comment();

    // $var, ${var}, ${var:format} and the old [[var]] form.
    [GeneratedRegex(@"\$\{[^}]*\}|\$\w+|\[\[[^\]]*\]\]")]
    private static partial Regex GrafanaVariable();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeOrSubquery();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupingLabels();

    // Numbers and durations (5m, 1e3, 0x1f, .5) are matched first, so their letters are never taken for names.
    [GeneratedRegex(@"(?<number>(?:\d|\.\d)[\w.]*)|(?<name>[A-Za-z_:][A-Za-z0-9_:]*)")]
    private static partial Regex Token();

    [GeneratedRegex(@"^\s*(?<function>label_values|query_result|label_names|metrics)\s*\((?<body>.*)\)\s*$", RegexOptions.Singleline)]
    private static partial Regex VariableFunction();
}
