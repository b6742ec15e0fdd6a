using GovTextExtract.Roles;
using GovTextExtract.Tests.Roles;

namespace GovTextExtract.Tests.Circulars;

/// <summary>Each relational role rule votes as its summary says, on invented text.</summary>
public class RelationalRuleTests
{
    private static IReadOnlyList<RoleVote> VotesFor(string text, string figure)
    {
        var doc = RoleRuleExampleTests.Read(text);
        var votes = RoleVotes.Collect(doc, RoleRuleSet.Default);
        return votes.For(RoleRuleExampleTests.Figure(doc, figure).Index);
    }

    [Theory]
    [InlineData("分别完成全年计划的95%、60%、97%", "60%", RelationalRoleRules.ListContinues)]
    [InlineData("分别完成全年计划144.06%207.74%309.2%", "207.74%", RelationalRoleRules.ListContinues)]
    [InlineData("完成投资12.5亿元,为年计划的80%", "12.5亿元", RelationalRoleRules.RatedActual)]
    [InlineData("培训农民工1.2万人、退役军人3000人,分别完成年度目标的80%、120%", "1.2万人", RelationalRoleRules.ListedForRates)]
    [InlineData("增长6.1%,低于目标0.9个百分点", "6.1%", RelationalRoleRules.BeforeDifference)]
    [InlineData("城镇登记失业率为3.1%,低于4%的控制目标", "3.1%", RelationalRoleRules.ComparedWithTarget)]
    [InlineData("全省172个在建项目完成投资1434.9亿元", "172个", RelationalRoleRules.SubjectCount)]
    [InlineData("城镇新增就业900万人以上。全年城镇新增就业1080万人,完成目标任务的120%", "900万人以上", RelationalRoleRules.RateAgrees)]
    [InlineData("绩效目标值实际完成值完成率服务人次>=600人1500人250%满意度>=90%96%107%", "1500人", RelationalRoleRules.GluedResult)]
    [InlineData("绩效目标值实际完成值完成率服务人次>=600人1500人250%满意度>=90%96%107%", "250%", RelationalRoleRules.GluedRate)]
    [InlineData("绩效目标值实际完成值完成率服务人次>=600人1500人250%满意度>=90%96%107%", "96%", RelationalRoleRules.GluedResult)]
    public void A_relational_rule_votes_for_its_example(string text, string figure, string rule)
    {
        Assert.Contains(VotesFor(text, figure), v => v.Rule == rule);
    }

    [Fact]
    public void A_plan_restated_as_done_in_the_same_words_votes_target_and_actual_in_order()
    {
        const string text = "预期目标 实际完成情况 本项目共安排资金120万元。其中:50万元用于道路养护;70万元用于桥梁检测。" +
                            "本项目共完成支出118.5万元。其中:50万元用于道路养护;68.5万元用于桥梁检测。";
        Assert.Contains(VotesFor(text, "120万元"), v => v.Rule == RelationalRoleRules.ParallelStated);
        Assert.Contains(VotesFor(text, "70万元"), v => v.Rule == RelationalRoleRules.ParallelStated);
        Assert.Contains(VotesFor(text, "68.5万元"), v => v.Rule == RelationalRoleRules.ParallelReported);
        var doc = RoleRuleExampleTests.Read(text);
        var links = RoleVotes.Collect(doc, RoleRuleSet.Default).SuggestedLinks.Where(l => l.Rule == GovTextExtract.Links.LinkRules.TargetParallel)
            .Select(l => (doc.Mentions[l.Link.From].Quantity.Text, doc.Mentions[l.Link.To].Quantity.Text)).ToArray();
        Assert.Equal([("120万元", "118.5万元"), ("50万元", "50万元"), ("70万元", "68.5万元")], links);
    }

    [Fact]
    public void A_figure_stated_then_reported_in_the_same_words_votes_target_but_a_part_of_a_breakdown_does_not()
    {
        const string stated = "全年接待游客人数8000万人次。截至12月底,全县接待游客人数8150万人次。";
        Assert.Contains(VotesFor(stated, "8000万人次"), v => v.Rule == RelationalRoleRules.StatedThenReported);
        const string breakdown = "全年争取资金30亿元。其中:中央预算内投资项目120个,到位资金10亿元;省预算内投资项目35个,到位资金1亿元。";
        Assert.DoesNotContain(VotesFor(breakdown, "120个"), v => v.Rule == RelationalRoleRules.StatedThenReported);
    }

    [Fact]
    public void Two_years_reported_alike_are_not_a_plan_and_its_result()
    {
        // Both runs open with a verb of doing: one year beside another, not a plan restated as done.
        const string text = "2022年完成投资80亿元。其中:工业投资30亿元;基础设施投资50亿元。" +
                            "2023年完成投资95亿元。其中:工业投资40亿元;基础设施投资55亿元。";
        Assert.DoesNotContain(VotesFor(text, "80亿元"), v => v.Rule == RelationalRoleRules.ParallelStated);
        Assert.DoesNotContain(VotesFor(text, "40亿元"), v => v.Rule == RelationalRoleRules.ParallelReported);
    }

    [Fact]
    public void An_item_task_and_its_result_vote_target_and_actual()
    {
        const string text = "3.全年新建城市公园6个。截至年底,全市新建城市公园7个,超额完成任务。";
        Assert.Contains(VotesFor(text, "6个"), v => v.Rule == RelationalRoleRules.ItemTask && v.Role == MentionRole.Target);
        Assert.Contains(VotesFor(text, "7个"), v => v.Rule == RelationalRoleRules.ItemResult && v.Role == MentionRole.Actual);
    }

    [Fact]
    public void An_item_whose_later_figures_name_other_things_has_no_task()
    {
        // The later sentence counts meetings, not parks: the words are not the task's.
        const string text = "3.全年新建城市公园6个。召开推进会议8个,印发文件3个。";
        Assert.DoesNotContain(VotesFor(text, "6个"), v => v.Rule == RelationalRoleRules.ItemTask);
    }

    [Fact]
    public void An_item_whose_next_sentence_opens_with_its_own_verb_and_unit_reports_on_its_task()
    {
        // Few words, little in common by similarity: 已新增 repeats the task's verb, 个 its unit.
        const string text = "3.新增托育机构托位1200个。已新增980个。";
        Assert.Contains(VotesFor(text, "1200个"), v => v.Rule == RelationalRoleRules.ItemTask);
        Assert.Contains(VotesFor(text, "980个"), v => v.Rule == RelationalRoleRules.ItemResult);
        // Not when the words before it are other work, though unit and place fit.
        Assert.DoesNotContain(VotesFor("3.新增托育机构托位1200个。建成示范点8个。", "1200个"), v => v.Rule == RelationalRoleRules.ItemTask);
    }

    [Fact]
    public void Items_of_a_list_that_name_their_subjects_do_not_share_a_vote()
    {
        Assert.DoesNotContain(VotesFor("新增养老床位800张、托位1200个", "1200个"), v => v.Rule == RelationalRoleRules.ListContinues);
    }

    [Theory]
    [InlineData("5.26", "10", "52.6", true)]
    [InlineData("5.26", "9.95", "52.6", false)]   // 52.86: not 52.6 as written
    [InlineData("6.32", "7", "90", true)]         // 90.29 rounds to 90
    [InlineData("8", "7", "114.29", true)]
    [InlineData("2.73", "3", "78", false)]        // 91: the document's rate is wrong
    public void A_stated_rate_agrees_with_the_figures_only_as_written(string result, string target, string rate, bool agrees)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(agrees, RelationalRoleRules.RateAgreesWith(D(result), D(target), D(rate)));
    }
}
