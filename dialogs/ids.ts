/** Dialog ids, in one place. */
export const MAIN_DIALOG = 'mainDialog';
export const MAIN_WATERFALL = 'mainWaterfall';
export const CHOICE_PROMPT = 'vietnameseChoicePrompt';
export const CHECKLIST_DIALOG = 'checklistDialog';
export const CHECKLIST_WATERFALL = 'checklistWaterfall';
