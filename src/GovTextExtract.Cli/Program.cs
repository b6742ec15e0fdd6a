using GovTextExtract.Cli;

// Standard output is written as UTF-8 (Chinese in JSON and tables must reach a pipe or a terminal whatever the
// locale says) straight to file descriptor 1, so that a write error (/dev/full, a closed pipe) is reported with exit
// code 3 instead of being lost; GovTextCli.Run flushes it before it returns.
Console.OutputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
// Not disposed: after a failed write, a flush at exit would only fail again.
var stdout = StandardOutput.Open();
return GovTextCli.Run(args, stdout, Console.Error);
