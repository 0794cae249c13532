using MudBlazor;

namespace Epic16.Dashboard.Components.Layout;

public static class Epic16Theme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#00897b",
            AppbarBackground = "#1f4e8c",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7aa7e0",
            Secondary = "#4db6ac",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
