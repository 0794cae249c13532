using System.CommandLine;
using Epic16.Domain.Security;
using Epic16.Domain.Persistence.Legacy;

namespace Epic16.Dashboard.Cli;

public static class UserCommands
{
    public static Command Create(GlobalOptions options)
    {
        var users = new Command("users", "Sign-in accounts and their roles.");
        users.Subcommands.Add(Add(options));
        users.Subcommands.Add(List(options));
        users.Subcommands.Add(SetRoles(options));
        users.Subcommands.Add(Unlock(options));
        return users;
    }

    private static Option<string> Email() => new("--email") { Description = "The user's e-mail (also the sign-in name)", Required = true };

    private static Option<string[]> Roles(bool required) => new("--role")
    {
        Description = $"Role, repeatable: {string.Join(", ", AppRoles.All)}",
        Required = required,
        AllowMultipleArgumentsPerToken = true,
    };

    private static Command Add(GlobalOptions options)
    {
        var email = Email();
        var role = Roles(required: true);
        var command = new Command("add", "Create a user with one or more roles; the password is read from standard input.") { email, role };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var secret = ReadPassword(parse, options.Input);
            var user = await sp.GetRequiredService<UserAdministration>()
                .AddAsync(SystemUser.Cli, parse.GetValue(email)!, secret, parse.GetValue(role)!, ct);
            parse.InvocationConfiguration.Output.WriteLine($"Created {user.Email} with role(s) {string.Join(", ", user.Roles)}.");
            return CliExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(GlobalOptions options)
    {
        var command = new Command("list", "List users, their roles and lockout.");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var user in await sp.GetRequiredService<UserAdministration>().ListAsync(SystemUser.Cli, ct))
            {
                output.WriteLine($"{user.Email,-40} {string.Join(",", user.Roles),-40} {(user.LockedOut ? "locked" : "")}");
            }

            return CliExitCodes.Ok;
        }));
        return command;
    }

    private static Command SetRoles(GlobalOptions options)
    {
        var email = Email();
        var role = Roles(required: false);
        var command = new Command("set-roles", "Replace a user's roles (no --role removes them all).") { email, role };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            var roles = parse.GetValue(role) ?? [];
            await sp.GetRequiredService<UserAdministration>().SetRolesAsync(SystemUser.Cli, parse.GetValue(email)!, roles, ct);
            parse.InvocationConfiguration.Output.WriteLine($"{parse.GetValue(email)} now has role(s): {(roles.Length == 0 ? "none" : string.Join(", ", roles))}.");
            return CliExitCodes.Ok;
        }));
        return command;
    }

    private static Command Unlock(GlobalOptions options)
    {
        var email = Email();
        var command = new Command("unlock", "End a lockout after too many failed sign-ins.") { email };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, options, async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().UnlockAsync(SystemUser.Cli, parse.GetValue(email)!, ct);
            parse.InvocationConfiguration.Output.WriteLine($"{parse.GetValue(email)} is unlocked.");
            return CliExitCodes.Ok;
        }));
        return command;
    }

    private static string ReadPassword(ParseResult parse, TextReader input)
    {
        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            parse.InvocationConfiguration.Output.Write("Password: ");
        }

        var line = input.ReadLine();
        if (string.IsNullOrEmpty(line))
        {
            throw new UserAdministrationException("No password given: write it on standard input (e.g. `printf '%s\\n' \"$PW\" | … users add …`).");
        }

        return line;
    }
}
