using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovTextExtract.Roles;

/// <summary>The role rules of <c>models/rules/roles.json</c>, embedded in the library.</summary>
public sealed class RoleRuleSet
{
    private const string ResourceName = "GovTextExtract.Rules.roles.json";

    private static readonly Lazy<RoleRuleSet> DefaultSet = new(() =>
    {
        using var stream = typeof(RoleRuleSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException("the embedded role rules are missing: " + ResourceName);
        return Load(stream);
    });

    private RoleRuleSet(IReadOnlyList<RoleRule> rules) => Rules = rules;

    /// <summary>The rules shipped with the library.</summary>
    public static RoleRuleSet Default => DefaultSet.Value;

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<RoleRule> Rules { get; }

    /// <summary>Reads a rule file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid rule file.</exception>
    public static RoleRuleSet Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("role rules: " + e.Message, e);
        }
        if (file?.Rules is not { Count: > 0 } dtos) throw new InvalidDataException("role rules: no rules");
        var rules = new List<RoleRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in dtos)
        {
            if (string.IsNullOrWhiteSpace(d.Name) || !names.Add(d.Name))
                throw new InvalidDataException($"role rules: a rule has no name or a repeated name ({d.Name})");
            if (!Enum.TryParse<MentionRole>(d.Role, ignoreCase: true, out var role))
                throw new InvalidDataException($"role rule {d.Name}: unknown role '{d.Role}'");
            rules.Add(new RoleRule(d.Name, role, d.Description ?? "", d.Before, d.After, d.Units ?? ["any"],
                (d.Examples ?? []).Select(e => new RuleExample(e.Text, e.Figure)).ToArray(),
                (d.CounterExamples ?? []).Select(e => new RuleExample(e.Text, e.Figure)).ToArray(), d.UnitNames, d.UnlessBefore, d.UnlessAfter) { Leads = d.Leads });
        }
        return new RoleRuleSet(rules);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private sealed record RulesFile(List<RuleDto>? Rules);

    private sealed record RuleDto(string Name, string Role, string? Description, string? Before, string? After,
        List<string>? Units, List<ExampleDto>? Examples, [property: JsonPropertyName("counter_examples")] List<ExampleDto>? CounterExamples,
        [property: JsonPropertyName("unit_names")] List<string>? UnitNames, bool Leads = false,
        [property: JsonPropertyName("unless_before")] string? UnlessBefore = null,
        [property: JsonPropertyName("unless_after")] string? UnlessAfter = null);

    private sealed record ExampleDto(string Text, string Figure);
}
