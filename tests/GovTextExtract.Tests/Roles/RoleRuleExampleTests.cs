using GovTextExtract.Documents;
using GovTextExtract.Loading;
using GovTextExtract.Roles;

namespace GovTextExtract.Tests.Roles;

/// <summary>Every role rule of models/rules/roles.json votes for its examples and not for its counter-examples.</summary>
public class RoleRuleExampleTests
{
    internal static GovDocument Read(string text) =>
        new DocumentReader(GovText.Pipeline.Recognizer).Read(new LoadedDocument { Name = "example", Text = text, EncodingName = "utf-16" });

    internal static Mention Figure(GovDocument doc, string figure)
    {
        // A mention written exactly so first (6% is not the tail of 5.6%), else the first that overlaps the text.
        var exact = doc.Mentions.FirstOrDefault(x => doc.Slice(x.Span) == figure || doc.Slice(x.Quantity.CoreSpan) == figure);
        if (exact is not null) return exact;
        var at = doc.Text.IndexOf(figure, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{figure}' not in '{doc.Text}'");
        var m = doc.Mentions.FirstOrDefault(x => x.Span.Overlaps(new Text.SourceSpan(at, figure.Length)));
        Assert.True(m is not null, $"no figure recognised at '{figure}' in '{doc.Text}'");
        return m!;
    }

    public static TheoryData<string> RuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var r in RoleRuleSet.Default.Rules) data.Add(r.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void A_rule_votes_for_its_examples_and_not_its_counter_examples(string name)
    {
        var rule = RoleRuleSet.Default.Rules.Single(r => r.Name == name);
        Assert.NotEmpty(rule.Examples);
        foreach (var e in rule.Examples)
        {
            var doc = Read(e.Text);
            Assert.True(rule.Fires(doc, Figure(doc, e.Figure)), $"{name} should vote for {e.Figure} in {e.Text}");
        }
        foreach (var e in rule.CounterExamples)
        {
            var doc = Read(e.Text);
            Assert.False(rule.Fires(doc, Figure(doc, e.Figure)), $"{name} should not vote for {e.Figure} in {e.Text}");
        }
    }

    [Fact]
    public void Rule_names_are_unique_and_name_their_role()
    {
        var rules = RoleRuleSet.Default.Rules;
        Assert.Equal(rules.Count, rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var r in rules)
            Assert.StartsWith(r.Role.ToString().ToLowerInvariant() + ".", r.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_file_with_an_unknown_role_is_refused_with_the_rule_named()
    {
        using var stream = new MemoryStream("{\"rules\":[{\"name\":\"x.y\",\"role\":\"guess\",\"before\":\"a$\"}]}"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => RoleRuleSet.Load(stream));
        Assert.Contains("x.y", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_with_a_broken_pattern_is_refused_with_the_rule_named()
    {
        using var stream = new MemoryStream("{\"rules\":[{\"name\":\"rate.bad\",\"role\":\"rate\",\"before\":\"(unclosed$\"}]}"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => RoleRuleSet.Load(stream));
        Assert.Contains("rate.bad", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unless_before")]
    [InlineData("unless_after")]
    public void A_rule_with_a_broken_exception_pattern_is_refused_with_the_rule_named(string field)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            $"{{\"rules\":[{{\"name\":\"rate.bad\",\"role\":\"rate\",\"before\":\"a$\",\"{field}\":\"(unclosed\"}}]}}"));
        var e = Assert.Throws<InvalidDataException>(() => RoleRuleSet.Load(stream));
        Assert.Contains("rate.bad", e.Message, StringComparison.Ordinal);
    }
}
