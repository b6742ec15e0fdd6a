using GovTextExtract.Tables;

namespace GovTextExtract.Tests.Tables;

public class TableCellsTests
{
    [Theory]
    [InlineData("150", true)]
    [InlineData("95.33%", true)]
    [InlineData("4000张", true)]
    [InlineData("≥95%", true)]
    [InlineData("1-10月完成", false)]   // a header naming its period
    [InlineData("6月底前", false)]      // a date and words
    [InlineData("12月", false)]
    public void A_cell_is_a_figure_only_when_it_is_a_number_and_its_unit(string cell, bool figure)
    {
        Assert.Equal(figure, TableCells.IsFigure(cell));
    }
}
