using GovTextExtract.Links;
using GovTextExtract.Roles;
using GovTextExtract.Tests.Roles;

namespace GovTextExtract.Tests.Circulars;

/// <summary>Each link rule proposes the link of its example, given the roles the rules alone read.</summary>
public class LinkRuleTests
{
    private static IReadOnlyList<string> Fired(string text, LinkKind kind, string from, string to)
    {
        var doc = RoleRuleExampleTests.Read(text);
        var votes = RoleVotes.Collect(doc, RoleRuleSet.Default);
        var roles = doc.Mentions.Select(m => votes.RulesRole(m.Index)).ToArray();
        var c = new LinkCandidate(kind, RoleRuleExampleTests.Figure(doc, from).Index, RoleRuleExampleTests.Figure(doc, to).Index);
        Assert.Contains(c, LinkCandidates.For(doc, roles));
        return LinkRules.Votes(doc, roles, votes, c);
    }

    [Theory]
    [InlineData("完成投资12.5亿元,为年计划的80%", LinkKind.Rate, "80%", "12.5亿元", LinkRules.RateNearest)]
    [InlineData("培训农民工1.2万人、退役军人3000人,分别完成年度目标的80%、120%", LinkKind.Rate, "120%", "3000人", LinkRules.RateRespectively)]
    [InlineData("引进优质企业26家(任务数20家)", LinkKind.Target, "20家", "26家", LinkRules.TargetInBrackets)]
    [InlineData("得分=(签约项目个数32÷30)×50%+(签约项目金额41.5÷40亿元)×50%", LinkKind.Target, "30", "32", LinkRules.TargetDivisor)]
    [InlineData("得分=(签约项目个数32÷30)×50%+(签约项目金额41.5÷40亿元)×50%", LinkKind.Target, "40亿元", "41.5", LinkRules.TargetDivisor)]
    [InlineData("新增就业6200人,完成目标任务5000人的124%", LinkKind.Target, "5000人", "6200人", LinkRules.TargetInRatePhrase)]
    [InlineData("新增就业5.2万人,超过4.5万人的目标", LinkKind.Target, "4.5万人", "5.2万人", LinkRules.TargetComparison)]
    [InlineData("安排民生项目120个,已开工96个", LinkKind.Target, "120个", "96个", LinkRules.TargetNearestInSentence)]
    [InlineData("增长6.1%,低于目标0.9个百分点", LinkKind.Difference, "0.9个百分点", "6.1%", LinkRules.DifferenceNearest)]
    [InlineData("调查失业率为5.1%,登记失业率为3.4%,分别低于5.5%和4.5%的控制目标", LinkKind.Target, "5.5%", "5.1%", LinkRules.TargetRespectively)]
    [InlineData("调查失业率为5.1%,登记失业率为3.4%,分别低于5.5%和4.5%的控制目标", LinkKind.Target, "4.5%", "3.4%", LinkRules.TargetRespectively)]
    public void A_link_rule_proposes_its_example(string text, LinkKind kind, string from, string to, string rule)
    {
        Assert.Contains(rule, Fired(text, kind, from, to));
    }

    [Fact]
    public void A_target_of_an_opening_paragraph_goes_with_the_result_that_repeats_its_words()
    {
        const string text = "今年全县安排重点项目60个,年度计划投资80.5亿元。\n一、总体情况\n全县重点项目完成投资86.1亿元,完成年度计划的107%。";
        Assert.Contains(LinkRules.TargetStatedEarlier, Fired(text, LinkKind.Target, "80.5亿元", "86.1亿元"));
    }

    [Fact]
    public void A_target_that_gives_the_stated_rate_goes_with_the_result_even_a_paragraph_later()
    {
        // 44.8 ÷ 274.4 = 16.3%: the figures agree with the rate the document states.
        const string text = "1至5月,全省完成保障房投资44.8亿元,为年计划的16.3%。\n今年,全省计划完成保障房投资274.4亿元。";
        Assert.Contains(LinkRules.TargetRateAgrees, Fired(text, LinkKind.Target, "274.4亿元", "44.8亿元"));
    }

    [Fact]
    public void A_rate_outside_brackets_does_not_measure_the_part_inside_them()
    {
        const string text = "补助资金1.51亿元(其中省级资金0.3亿元)已全部下达,占计划80.1%";
        Assert.Contains(LinkRules.RateNearest, Fired(text, LinkKind.Rate, "80.1%", "1.51亿元"));
    }
}
