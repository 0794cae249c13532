using Epic16.Dashboard.Cli;
using Epic16.Tests.TestSupport;

namespace Epic16.Tests.Foundation;

public sealed class CliTests(PostgresServer postgres)
{
    private const string Password = "Cli-Test-Pass1!";

    [Fact]
    public async Task UsersAdd_ValidUser_IsListed()
    {
        var db = await postgres.CreateDatabaseAsync("cli", TestContext.Current.CancellationToken);

        var add = await RunAsync("users", "add", "--email", "new.sales@epic16.test", "--role", "Sales", "--connection", db);
        var list = await RunAsync("users", "list", "--connection", db);

        Assert.Equal((0, ""), (add.ExitCode, add.Error));
        Assert.Contains("new.sales@epic16.test", add.Output);
        Assert.Equal(0, list.ExitCode);
        var line = Assert.Single(list.Output.Split('\n'), l => l.Contains("new.sales@epic16.test"));
        Assert.Contains("Sales", line);
    }

    [Fact]
    public async Task UsersAdd_PasswordAsAnArgument_IsRefusedAndNoUserCreated()
    {
        var db = await postgres.CreateDatabaseAsync("cli", TestContext.Current.CancellationToken);

        var add = await RunAsync("users", "add", "--email", "argv.sales@epic16.test", "--role", "Sales", "--password", Password, "--connection", db);
        var list = await RunAsync("users", "list", "--connection", db);

        Assert.NotEqual(0, add.ExitCode);
        Assert.DoesNotContain("argv.sales@epic16.test", list.Output);
    }

    [Theory]
    [InlineData("not-an-email", "Sales", "not a valid e-mail")]
    [InlineData("someone@epic16.test", "Janitor", "Unknown role Janitor")]
    public async Task UsersAdd_InvalidInput_ExitsOneWithOneLine(string email, string role, string expected)
    {
        var db = await postgres.CreateDatabaseAsync("cli", TestContext.Current.CancellationToken);

        var result = await RunAsync("users", "add", "--email", email, "--role", role, "--connection", db);

        Assert.Equal(CliExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
    }

    [Theory]
    [InlineData("db", "migrate")]
    [InlineData("users", "list")]
    public async Task Verb_UnreachableConnection_ExitsOneNamingTheSetting(string group, string verb)
    {
        var result = await RunAsync(group, verb, "--connection", FreePort.UnreachablePostgres());

        Assert.Equal(CliExitCodes.Failure, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ConnectionStrings:BusinessCore", line);
        Assert.DoesNotContain("   at ", result.Error + result.Output);
    }

    [Fact]
    public async Task Help_NoVerb_ExitsZeroListingVerbs()
    {
        var result = await RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("users", result.Output);
        Assert.Contains("db", result.Output);
    }

    [Fact]
    public async Task Binary_UnreachableConnection_ExitsNonZeroWithOneLineOnStderr()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Epic16.Dashboard.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");

        var result = await ProcessRunner.RunAsync("dotnet", [dll, "db", "migrate", "--connection", FreePort.UnreachablePostgres()],
            TimeSpan.FromSeconds(60), ct: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error:", line);
        Assert.Contains("ConnectionStrings:BusinessCore", line);
        Assert.DoesNotContain("   at ", result.StandardError + result.StandardOutput);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, new StringReader(Password + "\n"));
        return (exit, output.ToString(), error.ToString());
    }
}
