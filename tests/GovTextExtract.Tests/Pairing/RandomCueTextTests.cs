namespace GovTextExtract.Tests.Pairing;

/// <summary>Texts made at random from the genre's cue words, figures and punctuation: extraction returns records or
/// none, and never throws. The seed is fixed, so a failure names a reproducible text.</summary>
public sealed class RandomCueTextTests
{
    private static readonly string[] Pieces =
    [
        "目标", "年度目标", "完成", "实际", "超过", "高于", "低于", "的目标", "的年度目标任务", "控制在", "以内", "左右", "以上",
        "1", "12", "3.5", "1,250", "万", "亿元", "个", "家", "%", "个百分点", "人", "户", "万亩", "，", "。", "；", "、", "：", "\n",
        "(", ")", "“", "”", "1.", "（一）", "其一是", "一是", "增长", "下降", "新增", "计划", "任务", "为任务的", "完成率", "开工率",
        "超任务", "比目标多", "较目标提高", "报告提出", "落实结果显示", "全年", "1-11月", "预计", "有望", "分别", "和", "政府工作报告",
        "主要预期目标是", "基础设施", "完成情况", "目标任务", "中", "已完成", "项", "所", "的", "是", "达到", "实现", "突破", "约", "余",
        "多", "地区生产总值", "失业率",
    ];

    [Fact]
    public void Extraction_never_throws_on_random_cue_text()
    {
        var rnd = new Random(20261128);
        for (var n = 0; n < 1500; n++)
        {
            var text = string.Concat(Enumerable.Range(0, rnd.Next(1, 120)).Select(_ => Pieces[rnd.Next(Pieces.Length)]));
            var exception = Record.Exception(() => GovText.ExtractText(text));
            Assert.True(exception is null, $"case {n}: {exception?.GetType().Name} {exception?.Message} on «{text}»");
        }
    }
}
